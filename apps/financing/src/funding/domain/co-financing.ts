import { Money } from '@platform/domain';

/** A band of the co-financing schedule (medfinansiering): from the placement's nth month, the municipality's share. */
export interface CoFinancingBand {
  /** 1 = the placement's first month. */
  fromMonth: number;
  sharePercentBp: number;
}

/** Which month of the placement a service month is (1 for the start month). */
export function placementMonth(startDate: string, month: string): number {
  const [sy, sm] = [Number(startDate.slice(0, 4)), Number(startDate.slice(5, 7))];
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return (y - sy) * 12 + (m - sm) + 1;
}

/** The share that applies in the placement's nth month: the last band that has begun (it may rise with duration). */
export function coFinancingShareBp(schedule: readonly CoFinancingBand[], nthMonth: number): number {
  let share = 0;
  for (const band of schedule) if (band.fromMonth <= nthMonth) share = band.sharePercentBp;
  return share;
}

/** The co-financing of a regional cost line, rounded half-up to the øre (Money.percent). */
export function coFinancingAmount(amountOre: number, shareBp: number): number {
  return Money.ofOre(amountOre).percent(shareBp / 100).ore;
}

/** A yearly grant in 12 monthly instalments that add up to it (left-over øre to the first months). */
export function monthlyInstalments(totalOre: number): number[] {
  return Money.ofOre(totalOre)
    .allocate(new Array<number>(12).fill(1))
    .map((m) => m.ore);
}
