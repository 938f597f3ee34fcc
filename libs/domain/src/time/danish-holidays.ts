import { addDays, assertIsoDate, type IsoDate } from './calendar-date';
import { easterSunday } from './easter';

/** A Danish public holiday (helligdag) with its Danish name, e.g. `{ date: '2026-04-03', name: 'Langfredag' }`. */
export interface PublicHoliday {
  date: IsoDate;
  name: string;
}

/** The last year store bededag was a public holiday: the Folketing abolished it from 2024 by a law of 2023. */
const LAST_STORE_BEDEDAG = 2023;
/** Older calendars had other holidays (and Denmark was not always Gregorian); they are refused, not guessed. */
const FIRST_YEAR = 1900;

const FIXED_DATE: readonly (readonly [monthDay: string, name: string])[] = [
  ['01-01', 'Nytårsdag'],
  ['12-25', 'Juledag'],
  ['12-26', '2. juledag'],
];

/** Holidays that move with Easter, as days from Easter Sunday; `lastYear` ends one abolished by law. */
const EASTER_RELATIVE: readonly { offset: number; name: string; lastYear?: number }[] = [
  { offset: -3, name: 'Skærtorsdag' },
  { offset: -2, name: 'Langfredag' },
  { offset: 0, name: 'Påskedag' },
  { offset: 1, name: '2. påskedag' },
  { offset: 26, name: 'Store bededag', lastYear: LAST_STORE_BEDEDAG }, // the fourth Friday after Easter
  { offset: 39, name: 'Kristi himmelfartsdag' },
  { offset: 49, name: 'Pinsedag' },
  { offset: 50, name: '2. pinsedag' },
];

/**
 * The public holidays of a year (helligdage), in date order: nytårsdag, skærtorsdag, langfredag, påskedag,
 * 2. påskedag, store bededag (up to and including 2023 only), Kristi himmelfartsdag, pinsedag, 2. pinsedag,
 * juledag and 2. juledag.
 *
 * Deliberately not included: grundlovsdag (5 June), juleaftensdag (24 December), nytårsaftensdag (31 December)
 * and 1. maj. They are days off under many collective agreements and in public administration practice, but
 * they are not public holidays in law, and a deadline (frist) counted in working days does not skip them.
 * A service whose rule says otherwise must say so in its own code.
 */
export function danishPublicHolidays(year: number): readonly PublicHoliday[] {
  if (!Number.isSafeInteger(year) || year < FIRST_YEAR || year > 9999)
    throw new RangeError(`year must be a whole number from ${FIRST_YEAR} to 9999`);
  const cached = byYear.get(year);
  if (cached) return cached;
  const holidays = Object.freeze(computeHolidays(year));
  byYear.set(year, holidays);
  return holidays;
}

/** True when the date is a Danish public holiday (weekends are not holidays, just not working days). */
export function isDanishPublicHoliday(date: IsoDate): boolean {
  assertIsoDate(date);
  return danishPublicHolidays(Number(date.slice(0, 4))).some((holiday) => holiday.date === date);
}

// Working-day counting asks for the same few years again and again; the answer for a year never changes.
const byYear = new Map<number, readonly PublicHoliday[]>();

function computeHolidays(year: number): PublicHoliday[] {
  const easter = easterSunday(year);
  const moving = EASTER_RELATIVE.filter(({ lastYear }) => lastYear === undefined || year <= lastYear).map(
    ({ offset, name }) => Object.freeze({ date: addDays(easter, offset), name }),
  );
  const fixed = FIXED_DATE.map(([monthDay, name]) => Object.freeze({ date: `${year}-${monthDay}`, name }));
  return [...fixed, ...moving].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
