import { daysBetween, isLeapYear, type IsoDate } from '@platform/domain';
import type { Validity } from './function-validity';

/**
 * Øvelse gør mester (rule 1): a function whose yearly volume of citizens is below its minimum is flagged.
 *
 * Judged on the previous full calendar year, not on the current one: the minimum is a yearly number, and a
 * year still running (a few weeks into January, nobody may have started yet) would flag functions that will
 * meet it. A calendar year also matches how the volume is counted (ActivityRepository counts per year) and
 * how the plan and its reporting are read. A function held for only part of that year is judged against the
 * minimum pro-rated to the days it held it; one not held at all that year is not judged yet (no full evidence).
 */
export interface VolumeJudgement {
  minimumYearlyVolume: number;
  validity: Validity;
  /** The judged calendar year (today's year − 1) and the volume counted in it. */
  year: number;
  volume: number;
}

/** The calendar year a function's volume is judged on, given today. */
export function judgedYear(today: IsoDate): number {
  return Number(today.slice(0, 4)) - 1;
}

/** Days of the year on which the function was held. */
export function daysHeldIn(validity: Validity, year: number): number {
  const from = validity.validFrom > `${year}-01-01` ? validity.validFrom : `${year}-01-01`;
  const to = validity.validTo < `${year}-12-31` ? validity.validTo : `${year}-12-31`;
  return from > to ? 0 : daysBetween(from, to) + 1;
}

export function isBelowMinimum({ minimumYearlyVolume, validity, year, volume }: VolumeJudgement): boolean {
  const held = daysHeldIn(validity, year);
  if (held === 0) return false;
  const yearDays = isLeapYear(year) ? 366 : 365;
  // volume < minimum × held / yearDays, in integers
  return volume * yearDays < minimumYearlyVolume * held;
}
