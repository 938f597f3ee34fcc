import { addDays, daysInMonth, type IsoDate } from '@platform/domain';

/** A validity period: both days inclusive (valid_to is the last day the function is held). */
export interface Validity {
  validFrom: IsoDate;
  validTo: IsoDate;
}

/** How far ahead a function's end is announced, so its operator can re-apply in time. */
export const EXPIRY_NOTICE_MONTHS = 6;

export function isValidOn(validity: Validity, on: IsoDate): boolean {
  return validity.validFrom <= on && on <= validity.validTo;
}

/** A date some calendar months later, on the same day or the month's last (2026-08-31 + 6 → 2027-02-28). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = date.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const [y, m] = [Math.floor(index / 12), (index % 12) + 1];
  const d = Math.min(day, daysInMonth(y, m));
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The last day an end date counts as "expiring within `months`" of `today`. */
export function expiryHorizon(today: IsoDate, months: number = EXPIRY_NOTICE_MONTHS): IsoDate {
  return addMonths(today, months);
}

/** Not yet ended, and ending within `months` of today (an ended function has expired, not expiring). */
export function isExpiringWithin(validity: Validity, today: IsoDate, months = EXPIRY_NOTICE_MONTHS): boolean {
  return today <= validity.validTo && validity.validTo <= expiryHorizon(today, months);
}

/** What identifies a function apart from its period: which offer holds which kind, for which target group. */
export interface FunctionKey {
  offerId: string;
  targetGroup: string;
  functionType: string;
}

/**
 * Renewed (fornyet): another approval of the same function continues it without a gap and ends later. A renewed
 * function is not announced as expiring: the operator already re-applied and got it.
 */
export function isRenewed<F extends FunctionKey & Validity>(fn: F, others: readonly F[]): boolean {
  const dayAfter = addDays(fn.validTo, 1);
  return others.some(
    (o) =>
      o.offerId === fn.offerId &&
      o.targetGroup === fn.targetGroup &&
      o.functionType === fn.functionType &&
      o.validFrom <= dayAfter &&
      o.validTo > fn.validTo,
  );
}
