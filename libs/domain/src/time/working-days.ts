import { addDays, assertIsoDate, compareDates, isoWeekday, type IsoDate } from './calendar-date';
import { isDanishPublicHoliday } from './danish-holidays';

/**
 * Working days (arbejdsdage): Monday to Friday, except Danish public holidays (see danishPublicHolidays for
 * which days those are, and which are not).
 */
export function isWorkingDay(date: IsoDate): boolean {
  return isoWeekday(date) <= 5 && !isDanishPublicHoliday(date);
}

/**
 * A deadline of `days` working days from `date` (fristberegning): the given date is day 0 and does not count,
 * whatever day it is; the result is the `days`-th working day after it. So 3 working days from Friday
 * 2026-04-10 is Wednesday 2026-04-15, and 0 working days is the date itself.
 */
export function addWorkingDays(date: IsoDate, days: number): IsoDate {
  assertIsoDate(date);
  if (!Number.isSafeInteger(days) || days < 0) throw new RangeError('days must be a whole number ≥ 0');
  let day = date;
  for (let left = days; left > 0;) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) left -= 1;
  }
  return day;
}

/**
 * The working days after `from` up to and including `to`, the inverse of addWorkingDays:
 * `workingDaysBetween(d, addWorkingDays(d, n)) === n`. Negative when `to` is before `from`.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  if (compareDates(from, to) > 0) return -workingDaysBetween(to, from);
  let count = 0;
  for (let day = addDays(from, 1); compareDates(day, to) <= 0; day = addDays(day, 1)) {
    if (isWorkingDay(day)) count += 1;
  }
  return count;
}
