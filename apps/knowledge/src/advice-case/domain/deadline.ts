import { addDays, addWorkingDays, todayInDenmark, workingDaysBetween, type IsoDate } from '@platform/domain';

/** The deadline rule set (svarfrister): working days per target group, `*` the default. Data, never code. */
export interface DeadlineRule {
  targetGroup: string;
  workingDays: number;
}

export const DEFAULT_RULE_KEY = '*';

/** The rule for a target group: its own row, else the default row. */
export function workingDaysFor(rules: readonly DeadlineRule[], targetGroup: string): number {
  const own = rules.find((r) => r.targetGroup === targetGroup);
  const fallback = rules.find((r) => r.targetGroup === DEFAULT_RULE_KEY);
  const rule = own ?? fallback;
  if (!rule) throw new Error('the deadline rule set has no default row (*)');
  return rule.workingDays;
}

export interface Deadline {
  /** The Danish day the case was opened (day 0: it does not count). */
  caseDate: IsoDate;
  /** The last working day to answer on. */
  dueDate: IsoDate;
  /** The end of that day in Denmark: advice after this instant is late. */
  dueAt: Date;
}

/**
 * Svarfrist: `workingDays` working days after the Danish day the case was opened (weekends and Danish public
 * holidays skipped, the calendar of libs/domain), ending at midnight Danish time.
 */
export function adviceDeadline(openedAt: Date, workingDays: number): Deadline {
  const caseDate = todayInDenmark(openedAt);
  const dueDate = addWorkingDays(caseDate, workingDays);
  return { caseDate, dueDate, dueAt: endOfDanishDay(dueDate) };
}

/** The first instant of the next Danish day: midnight in Europe/Copenhagen, summer time or not. */
export function endOfDanishDay(date: IsoDate): Date {
  const next = addDays(date, 1);
  // Denmark is UTC+1 in winter and UTC+2 in summer: the midnight is the candidate that is `next` in Denmark
  // while the millisecond before it is still `date`.
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(Date.parse(`${next}T00:00:00Z`) - offsetHours * 3_600_000);
    if (todayInDenmark(candidate) === next && todayInDenmark(new Date(candidate.getTime() - 1)) === date) {
      return candidate;
    }
  }
  throw new Error(`no Danish midnight after ${date}`);
}

/** A visible countdown: working days left after today (0 on the last day, negative when overdue). */
export interface Countdown {
  workingDaysLeft: number;
  overdue: boolean;
}

export function countdown(
  deadline: { dueDate: IsoDate; dueAt: Date },
  answeredAt: Date | null,
  now: Date,
): Countdown {
  const at = answeredAt ?? now;
  return {
    workingDaysLeft: workingDaysBetween(todayInDenmark(at), deadline.dueDate),
    overdue: isOverdue({ dueAt: deadline.dueAt, adviceGivenAt: answeredAt, open: answeredAt === null }, now),
  };
}

/**
 * A case is overdue once its deadline has passed without advice: advice given by the deadline never is, and
 * advice given after it is late (not on time) but no longer overdue. A closed case (withdrawn) is not overdue.
 */
export function isOverdue(c: { dueAt: Date; adviceGivenAt: Date | null; open: boolean }, now: Date): boolean {
  return c.open && c.adviceGivenAt === null && now.getTime() >= c.dueAt.getTime();
}

/** Advice given before the deadline ended. */
export function isOnTime(dueAt: Date, givenAt: Date): boolean {
  return givenAt.getTime() < dueAt.getTime();
}
