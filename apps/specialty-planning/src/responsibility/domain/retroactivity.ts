import { addDays, StateConflict, type IsoDate } from '@platform/domain';

/** Referrals of the target group already decided (or placed) on or after a date, from the activity read model. */
export interface DecidedSince {
  count: number;
  /** The latest decision or placement-start date among them; null when there are none. */
  latest: IsoDate | null;
}

/**
 * Rule 2, never retroactive over decided placements: a responsibility change from today or later is always
 * allowed (it applies to what is decided from then on). A change dated back is allowed only while no referral of
 * the target group was decided or placed on or after its effective date — the state's case worker may still
 * record a change that was agreed earlier but registered late, as long as no municipality has decided a
 * placement under the old responsibility since; once one has, its financing must not change after the fact.
 */
export function assertNotRetroactive(input: {
  targetGroup: string;
  effectiveFrom: IsoDate;
  today: IsoDate;
  decided: DecidedSince;
}): void {
  const { targetGroup, effectiveFrom, today, decided } = input;
  if (effectiveFrom >= today || decided.count === 0) return;
  throw new RetroactiveResponsibilityChangeError(
    targetGroup,
    effectiveFrom,
    decided,
    earliestAllowedFrom(decided, today),
  );
}

/** The earliest effective date that would be allowed: the day after the latest decision, at most today. */
export function earliestAllowedFrom(decided: DecidedSince, today: IsoDate): IsoDate {
  if (!decided.latest) return today;
  const after = addDays(decided.latest, 1);
  return after < today ? after : today;
}

export class RetroactiveResponsibilityChangeError extends StateConflict {
  constructor(targetGroup: string, effectiveFrom: IsoDate, decided: DecidedSince, earliestAllowed: IsoDate) {
    super(
      'RETROACTIVE_RESPONSIBILITY_CHANGE',
      `${decided.count} referral(s) of ${targetGroup} were decided or placed on or after ${effectiveFrom} ` +
        `(the latest on ${decided.latest}); a change of responsibility never applies retroactively to placements ` +
        `already decided. Choose an effective date on or after ${earliestAllowed}.`,
      {
        targetGroup,
        effectiveFrom,
        decidedReferrals: decided.count,
        latestDecision: decided.latest,
        earliestAllowed,
      },
    );
  }
}
