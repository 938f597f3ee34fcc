import type { IsoDate } from './calendar-date';

// Swedish formats dates as YYYY-MM-DD, so Intl gives the ISO calendar day in any time zone directly.
const copenhagenDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' });

/**
 * Today's date in Denmark (dags dato), `YYYY-MM-DD` in Europe/Copenhagen. Business dates are Danish days: a
 * referral made at 00:30 on 1 July in Copenhagen is dated 1 July, although it is still 30 June in UTC.
 */
export function todayInDenmark(now: Date = new Date()): IsoDate {
  return copenhagenDay.format(now);
}
