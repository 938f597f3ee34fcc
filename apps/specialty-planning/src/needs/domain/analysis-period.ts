import { addDays, ValidationFailed, type FrameworkArea, type IsoDate } from '@platform/domain';

/** Longest period one analysis covers: two election periods is more than any rammeaftale looks back. */
export const MAX_ANALYSIS_DAYS = 3653;

export class AnalysisPeriodError extends ValidationFailed {
  constructor(pointer: '/from' | '/to', message: string) {
    super('NEEDS_ANALYSIS_PERIOD_INVALID', message, [pointer]);
  }
}

/**
 * The period of a needs analysis: from ≤ to, not beginning after today (it counts what happened), at most
 * MAX_ANALYSIS_DAYS long, and inside the area's lifetime (an analysis of Hovedstaden's area ends by 2026-12-31;
 * one of Østdanmark's begins on 2027-01-01), so its municipalities are one set.
 */
export function assertAnalysisPeriod(area: FrameworkArea, from: IsoDate, to: IsoDate, today: IsoDate): void {
  if (to < from) throw new AnalysisPeriodError('/to', 'must be on or after from');
  if (from > today)
    throw new AnalysisPeriodError('/from', 'must not be after today: an analysis counts what happened');
  if (addDays(from, MAX_ANALYSIS_DAYS) < to) {
    throw new AnalysisPeriodError('/to', `the period may be at most ${MAX_ANALYSIS_DAYS} days long`);
  }
  if (from < area.validFrom) {
    throw new AnalysisPeriodError('/from', `framework area ${area.code} begins on ${area.validFrom}`);
  }
  if (area.validTo && to >= area.validTo) {
    throw new AnalysisPeriodError('/to', `framework area ${area.code} ended on ${addDays(area.validTo, -1)}`);
  }
}
