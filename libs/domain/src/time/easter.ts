import type { IsoDate } from './calendar-date';

/**
 * Easter Sunday (påskedag) of a Gregorian year, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher):
 * the first Sunday after the ecclesiastical full moon on or after 21 March. Exact for every year from 1583.
 */
export function easterSunday(year: number): IsoDate {
  if (!Number.isSafeInteger(year) || year < 1583 || year > 9999)
    throw new RangeError('year must be a whole number from 1583 to 9999');
  const a = year % 19;
  const [b, c] = [Math.floor(year / 100), year % 100];
  const [d, e] = [Math.floor(b / 4), b % 4];
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const [i, k] = [Math.floor(c / 4), c % 4];
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
