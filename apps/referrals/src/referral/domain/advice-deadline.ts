export interface AdviceDeadlineInput {
  /** When advice is due; none when advice is not required. */
  adviceDueAt?: Date | null;
  adviceGivenAt?: Date | null;
  now: Date;
}

/**
 * Rule 3: advice that must follow an urgent decision has a deadline, and a referral is flagged while it waits
 * past it. Overdue means: a deadline exists, no advice has been given, and now is after the deadline.
 * Once advice arrives the flag clears, even if it came late (lateness is visible from the two timestamps).
 */
export function isAdviceOverdue({ adviceDueAt, adviceGivenAt, now }: AdviceDeadlineInput): boolean {
  if (!adviceDueAt || adviceGivenAt) return false;
  return now.getTime() > adviceDueAt.getTime();
}
