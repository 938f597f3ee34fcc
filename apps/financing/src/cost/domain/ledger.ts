import type { ResponsibilityChange } from '@platform/domain';
import { accrueMonth, type CostLine, type OfferFacts, type PlacementFacts, type RateFacts } from './accrual';

/**
 * A cost line of a citizen's case: the case's correlation id (CloudEvents `correlationid`) is the placement's, so
 * every version of a month keeps it whichever fact re-accrued it (null: a placement from before issue 13).
 */
export interface CaseCostLine extends CostLine {
  correlationId: string | null;
}

/** A placement as the ledger accrues it: its facts and the case it belongs to. */
export interface CasePlacement extends PlacementFacts {
  correlationId?: string | null;
}

/** A stored cost line: the month's lines carry the version of the month's latest accrual. */
export interface StoredCostLine extends CaseCostLine {
  version: number;
}

/** Months YYYY-MM from..to, both included; open ends leave that side unbounded. */
export interface MonthWindow {
  from?: string;
  to?: string;
}

const inWindow = (month: string, w: MonthWindow) =>
  (w.from === undefined || month >= w.from) && (w.to === undefined || month <= w.to);

const payerKey = (l: CostLine) => `${l.payer.type}:${l.payer.code}`;

/**
 * One line per payer and month. The payer can return within a month (MUNICIPAL → REGIONAL → MUNICIPAL), which
 * accrueMonth gives as separate segments; the stored line is per placement, month and payer, so such segments
 * are summed into one line over the first to the last of their days. Amounts stay as accrueMonth rounded them.
 */
export function onePerPayer(lines: readonly CostLine[]): CostLine[] {
  const merged = new Map<string, CostLine>();
  for (const l of lines) {
    const open = merged.get(payerKey(l));
    if (!open) merged.set(payerKey(l), { ...l });
    else {
      open.lastDay = l.lastDay;
      open.days += l.days;
      open.amountOre += l.amountOre;
      open.knowledgeOverheadOre += l.knowledgeOverheadOre;
    }
  }
  return [...merged.values()];
}

/**
 * Every cost line of a placement that can be known today: each month of each year its offer has a rate for, from
 * the start to the end (or, while it runs, to the end of the last year with a rate), within the window. The
 * arithmetic is accrueMonth's; this only decides which months.
 */
export function accruePlacement(
  placement: CasePlacement,
  offer: OfferFacts,
  rates: ReadonlyMap<number, RateFacts>,
  changes: readonly ResponsibilityChange[],
  window: MonthWindow = {},
): CaseCostLine[] {
  const first = Number(placement.startDate.slice(0, 4));
  const correlationId = placement.correlationId ?? null;
  const lines: CaseCostLine[] = [];
  for (const [year, rate] of [...rates].sort(([a], [b]) => a - b)) {
    if (year < first || (placement.endDate !== null && year > Number(placement.endDate.slice(0, 4))))
      continue;
    for (let m = 1; m <= 12; m++) {
      if (!inWindow(`${year}-${String(m).padStart(2, '0')}`, window)) continue;
      for (const line of onePerPayer(accrueMonth(placement, offer, rate, changes, year, m)))
        lines.push({ ...line, correlationId });
    }
  }
  return lines;
}

/** What a re-accrual changes for one placement and month: its lines now (none: the month costs nothing now). */
export interface MonthReplacement {
  referralId: string;
  month: string;
  /** The month's next version: one more than the stored lines had, 1 for a month new to the ledger. */
  version: number;
  lines: CaseCostLine[];
}

/** What makes a month differ: the cost facts. The correlation id names the case; alone it makes no new version. */
const FIELDS: readonly (keyof CostLine)[] = [
  'municipalityCode',
  'citizenPseudonym',
  'offerId',
  'targetGroup',
  'firstDay',
  'lastDay',
  'days',
  'responsibility',
  'unit',
  'rateOre',
  'amountOre',
  'knowledgeOverheadOre',
];

const sameLines = (a: readonly CostLine[], b: readonly CostLine[]) => {
  if (a.length !== b.length) return false;
  const byPayer = new Map(b.map((l) => [payerKey(l), l]));
  return a.every((l) => {
    const other = byPayer.get(payerKey(l));
    return other !== undefined && FIELDS.every((f) => l[f] === other[f]);
  });
};

const byMonth = <L extends CostLine>(lines: readonly L[]) => {
  const months = new Map<string, L[]>();
  for (const l of lines) {
    const key = `${l.referralId}|${l.month}`;
    months.set(key, [...(months.get(key) ?? []), l]);
  }
  return months;
};

/**
 * The months whose lines differ between the ledger and a fresh accrual of the same placements and window: those
 * are replaced, with the next version. The same facts give the same lines, so a redelivered event, a second job
 * run or a rate set again to the same amount changes nothing.
 */
export function planReplacements(
  stored: readonly StoredCostLine[],
  fresh: readonly CaseCostLine[],
): MonthReplacement[] {
  const before = byMonth(stored);
  const after = byMonth(fresh);
  const replacements: MonthReplacement[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const old = before.get(key) ?? [];
    const now = after.get(key) ?? [];
    if (sameLines(now, old)) continue;
    const [referralId, month] = key.split('|') as [string, string];
    const version = old.reduce((v, l) => Math.max(v, l.version), 0) + 1;
    replacements.push({ referralId, month, version, lines: now });
  }
  return replacements.sort(
    (a, b) => a.referralId.localeCompare(b.referralId) || a.month.localeCompare(b.month),
  );
}
