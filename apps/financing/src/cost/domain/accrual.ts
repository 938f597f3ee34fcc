import {
  addDays,
  daysInMonth,
  findRegion,
  isWithin,
  REGION_MEMBERSHIPS,
  REGIONS,
  regionOfMunicipality,
  responsibilityOn,
  roundHalfUp,
  type IsoDate,
  type Responsibility,
  type ResponsibilityChange,
} from '@platform/domain';

export const RATE_UNITS = ['DAY', 'MONTH'] as const;
export type RateUnit = (typeof RATE_UNITS)[number];

export interface RateFacts {
  unit: RateUnit;
  amountOre: number;
  /** The part of the rate that is knowledge overhead (vidensopbygning), for advisory functions' offers. */
  knowledgeOverheadOre: number;
}

export interface PlacementFacts {
  referralId: string;
  /** The referring (acting) municipality: it pays while the target group is MUNICIPAL. */
  municipalityCode: string;
  citizenPseudonym: string;
  targetGroup: string;
  offerId: string;
  startDate: IsoDate;
  /** The last day at the offer (inclusive); null while the placement runs. */
  endDate: IsoDate | null;
}

export interface OfferFacts {
  operatorOrgType: string;
  operatorOrgCode: string;
  /** The municipality of the offer's address, which places it in a region on a date. */
  municipalityCode: string | null;
}

export interface Payer {
  type: 'municipality' | 'region';
  code: string;
}

/** One cost line (udgiftslinje): a placement's days in one month with one payer, at the year's rate. */
export interface CostLine {
  referralId: string;
  municipalityCode: string;
  citizenPseudonym: string;
  offerId: string;
  targetGroup: string;
  /** YYYY-MM */
  month: string;
  firstDay: IsoDate;
  lastDay: IsoDate;
  days: number;
  responsibility: Responsibility;
  payer: Payer;
  unit: RateUnit;
  rateOre: number;
  amountOre: number;
  knowledgeOverheadOre: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The region that carries a REGIONAL placement on a day: the operating region while it exists; after it (the
 * 2027 merger) and for offers run by a municipality, the region of the offer's address — else of the referring
 * municipality — on that day.
 */
export function regionOn(offer: OfferFacts, placement: PlacementFacts, day: IsoDate): string {
  if (offer.operatorOrgType === 'region') {
    const region = findRegion(offer.operatorOrgCode);
    if (region && isWithin(day, region.validFrom, region.validTo)) return region.code;
  }
  return regionOfMunicipality(offer.municipalityCode ?? placement.municipalityCode, day).code;
}

/** Who pays on a service date (rule 2): the municipality while MUNICIPAL, the region while REGIONAL. */
export function payerOn(
  placement: PlacementFacts,
  offer: OfferFacts,
  changes: readonly ResponsibilityChange[],
  day: IsoDate,
): { responsibility: Responsibility; payer: Payer } {
  const responsibility = responsibilityOn(changes, placement.targetGroup, day);
  return responsibility === 'MUNICIPAL'
    ? { responsibility, payer: { type: 'municipality', code: placement.municipalityCode } }
    : { responsibility, payer: { type: 'region', code: regionOn(offer, placement, day) } };
}

/** Days on which a payer can change whatever the target group: regions and memberships begin or end (2027). */
const GEOGRAPHY_BOUNDARIES: readonly IsoDate[] = [
  ...new Set(
    [...REGIONS, ...REGION_MEMBERSHIPS]
      .flatMap((r) => [r.validFrom, r.validTo])
      .filter((d): d is string => !!d),
  ),
].sort();

interface Segment {
  from: IsoDate;
  to: IsoDate;
  days: number;
  who: ReturnType<typeof payerOn>;
}

/**
 * The days from..to (one month) split where the payer changes. The payer only changes on a responsibility change
 * of the target group or a geography boundary, so it is asked on those days only, not on every day.
 */
export function payerSegments(
  placement: PlacementFacts,
  offer: OfferFacts,
  changes: readonly ResponsibilityChange[],
  from: IsoDate,
  to: IsoDate,
): Segment[] {
  const starts = new Set<IsoDate>([from]);
  for (const c of changes)
    if (c.targetGroup === placement.targetGroup && c.effectiveFrom > from && c.effectiveFrom <= to)
      starts.add(c.effectiveFrom);
  for (const d of GEOGRAPHY_BOUNDARIES) if (d > from && d <= to) starts.add(d);
  const ordered = [...starts].sort();
  const segments: Segment[] = [];
  ordered.forEach((start, i) => {
    const end = i + 1 < ordered.length ? addDays(ordered[i + 1]!, -1) : to;
    const who = payerOn(placement, offer, changes, start);
    const days = Number(end.slice(8)) - Number(start.slice(8)) + 1;
    const open = segments[segments.length - 1];
    if (open && open.who.payer.type === who.payer.type && open.who.payer.code === who.payer.code) {
      open.to = end;
      open.days += days;
    } else segments.push({ from: start, to: end, days, who });
  });
  return segments;
}

/**
 * A rate for `days` of a month: a day rate times the days; a month rate in proportion to the month's days, rounded
 * half-up to the øre (partial months exact: 10 of February 2026's 28 days is 10/28 of the month rate).
 */
export function proRata(rate: number, unit: RateUnit, days: number, monthDays: number): number {
  if (unit === 'DAY') return rate * days;
  return Number(roundHalfUp(BigInt(rate) * BigInt(days), BigInt(monthDays)));
}

/**
 * The cost lines of one placement in one month: its days in the month (the start and end day both count), split
 * where the payer changes. No rate for the year: no lines (the caller reports the missing rate).
 */
export function accrueMonth(
  placement: PlacementFacts,
  offer: OfferFacts,
  rate: RateFacts | undefined,
  changes: readonly ResponsibilityChange[],
  year: number,
  month: number,
): CostLine[] {
  if (!rate) return [];
  const monthDays = daysInMonth(year, month);
  const first = `${year}-${pad(month)}-01`;
  const last = `${year}-${pad(month)}-${pad(monthDays)}`;
  const from = placement.startDate > first ? placement.startDate : first;
  const to = placement.endDate !== null && placement.endDate < last ? placement.endDate : last;
  if (from > to) return [];
  return payerSegments(placement, offer, changes, from, to).map((s) => ({
    referralId: placement.referralId,
    municipalityCode: placement.municipalityCode,
    citizenPseudonym: placement.citizenPseudonym,
    offerId: placement.offerId,
    targetGroup: placement.targetGroup,
    month: `${year}-${pad(month)}`,
    firstDay: s.from,
    lastDay: s.to,
    days: s.days,
    responsibility: s.who.responsibility,
    payer: s.who.payer,
    unit: rate.unit,
    rateOre: rate.amountOre,
    amountOre: proRata(rate.amountOre, rate.unit, s.days, monthDays),
    knowledgeOverheadOre: proRata(rate.knowledgeOverheadOre, rate.unit, s.days, monthDays),
  }));
}

/** Every cost line of a placement in a year's months 1..throughMonth. */
export function accrueYear(
  placement: PlacementFacts,
  offer: OfferFacts,
  rate: RateFacts | undefined,
  changes: readonly ResponsibilityChange[],
  year: number,
  throughMonth = 12,
): CostLine[] {
  const lines: CostLine[] = [];
  for (let m = 1; m <= throughMonth; m++)
    lines.push(...accrueMonth(placement, offer, rate, changes, year, m));
  return lines;
}

/** A municipality's own cost per referral and month (index 0 = January): what its refusion claim is built on. */
export function municipalCostByMonth(
  lines: readonly CostLine[],
  municipalityCode: string,
): Map<string, number[]> {
  const costs = new Map<string, number[]>();
  for (const l of lines) {
    if (l.payer.type !== 'municipality' || l.payer.code !== municipalityCode) continue;
    const months = costs.get(l.referralId) ?? new Array<number>(12).fill(0);
    months[Number(l.month.slice(5)) - 1]! += l.amountOre;
    costs.set(l.referralId, months);
  }
  return costs;
}
