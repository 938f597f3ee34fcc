import { InvalidDateError } from '../errors/domain-error';

/**
 * Calendar dates as `YYYY-MM-DD` strings (dato). Business dates in this domain are days, not instants, so
 * they are never turned into local-time `Date`s: all arithmetic goes through UTC midnight, which has no
 * daylight-saving gaps.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for a date that exists: '2024-02-29' yes, '2026-02-30' and '2026-13-01' no. */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function assertIsoDate(value: unknown, what = 'date'): asserts value is IsoDate {
  if (!isIsoDate(value)) throw new InvalidDateError(what);
}

/** Negative when a is before b, 0 when equal, positive after. The fixed-width format sorts as text. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  assertIsoDate(a);
  assertIsoDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isBefore(a: IsoDate, b: IsoDate): boolean {
  return compareDates(a, b) < 0;
}

/** True when `date` lies in [from, to): validity periods are inclusive from, exclusive to, so they chain. */
export function isWithin(date: IsoDate, from: IsoDate, to?: IsoDate): boolean {
  return compareDates(from, date) <= 0 && (to === undefined || compareDates(date, to) < 0);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  assertIsoDate(date);
  if (!Number.isSafeInteger(days)) throw new RangeError('days must be an integer');
  return toIsoDate(new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS));
}

/** The ISO weekday of a date: 1 Monday … 6 Saturday, 7 Sunday. */
export function isoWeekday(date: IsoDate): number {
  assertIsoDate(date);
  return new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
}

/** Whole days from a to b (negative when b is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  assertIsoDate(a);
  assertIsoDate(b);
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** The UTC calendar day of an instant. Callers wanting the Danish day must shift to Europe/Copenhagen first. */
export function toIsoDate(instant: Date): IsoDate {
  return instant.toISOString().slice(0, 10);
}
