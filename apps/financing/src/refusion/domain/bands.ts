import { roundHalfUp } from '@platform/domain';

/**
 * One refusion band (SEL § 176 stk. 1 / Barnets lov § 198 stk. 1): the state refunds `percentBp` (basis points,
 * 2500 = 25 %) of the part of a year's net expense above `thresholdOre`, up to the next band's threshold.
 */
export interface Band {
  thresholdOre: number;
  percentBp: number;
}

/** The law text's amounts at 2022 level: 25 % above 860 000 kr, 50 % above 1 680 000 kr, 75 % above 2 120 000 kr. */
export const BANDS_2022_LEVEL: readonly Band[] = [
  { thresholdOre: 86_000_000, percentBp: 2500 },
  { thresholdOre: 168_000_000, percentBp: 5000 },
  { thresholdOre: 212_000_000, percentBp: 7500 },
];

/** Exact refusion as a fraction of øre: numerator over DENOMINATOR (12 months × 10 000 basis points). */
export const DENOMINATOR = 120_000n;

/**
 * The refusion of one month's net expense, exactly, in 1/120 000 øre (BEK 1485/2023 § 3): each band applies to the
 * part of the month's expense above 1/12 of its yearly threshold. Twelve times the month's expense is compared
 * with the yearly thresholds, so 1/12 of a threshold is never rounded. A negative month refunds nothing.
 */
export function monthRefusionExact(netOre: number, bands: readonly Band[]): bigint {
  if (netOre <= 0) return 0n;
  const yearly = BigInt(netOre) * 12n;
  let total = 0n;
  for (let i = 0; i < bands.length; i++) {
    const from = BigInt(bands[i]!.thresholdOre);
    const next = bands[i + 1];
    const to = next ? BigInt(next.thresholdOre) : yearly;
    const top = yearly < to ? yearly : to;
    if (top > from) total += (top - from) * BigInt(bands[i]!.percentBp);
  }
  return total;
}

/**
 * The one rounding rule: a line's months are summed exactly and rounded once, half-up to whole øre, per period;
 * a month's amount is the difference of the rounded running totals, so the months add up to the line, the lines
 * to the claim, and a quarter's claim to the next one's year to date.
 */
export function roundedRunningTotals(exactMonths: readonly bigint[]): number[] {
  let running = 0n;
  let previous = 0;
  return exactMonths.map((exact) => {
    running += exact;
    const rounded = Number(roundHalfUp(running, DENOMINATOR));
    const month = rounded - previous;
    previous = rounded;
    return month;
  });
}

/** The refusion of a year's months (net øre per month), rounded by the rule above: one amount per month. */
export function refusionByMonth(netMonths: readonly number[], bands: readonly Band[]): number[] {
  return roundedRunningTotals(netMonths.map((net) => monthRefusionExact(net, bands)));
}

/** The law's yearly computation (one year's expense against the yearly thresholds), for comparison. */
export function yearRefusion(netYearOre: number, bands: readonly Band[]): number {
  if (netYearOre <= 0) return 0;
  let total = 0n;
  for (let i = 0; i < bands.length; i++) {
    const from = BigInt(bands[i]!.thresholdOre);
    const next = bands[i + 1];
    const to = next ? BigInt(next.thresholdOre) : BigInt(netYearOre);
    const top = BigInt(netYearOre) < to ? BigInt(netYearOre) : to;
    if (top > from) total += (top - from) * BigInt(bands[i]!.percentBp);
  }
  return Number(roundHalfUp(total, 10_000n));
}

/** Bands must rise in threshold, start at or above zero, and refund 0–100 %. Returns the problems found. */
export function bandProblems(bands: readonly Band[]): string[] {
  const problems: string[] = [];
  if (bands.length === 0) problems.push('at least one band');
  bands.forEach((b, i) => {
    if (b.thresholdOre < 0) problems.push(`band ${i + 1}: threshold below zero`);
    if (b.percentBp < 0 || b.percentBp > 10_000) problems.push(`band ${i + 1}: percent outside 0–100`);
    if (i > 0 && b.thresholdOre <= bands[i - 1]!.thresholdOre)
      problems.push(`band ${i + 1}: threshold must be above the previous band's`);
  });
  return problems;
}
