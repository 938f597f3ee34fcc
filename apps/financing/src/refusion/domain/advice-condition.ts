import { addWorkingDays, type IsoDate } from '@platform/domain';

/**
 * The advice condition of a rule set (DOMAIN rule 6): today's law refunds regardless of advice (`NONE`); the
 * regions' proposal refunds only where specialist advice was obtained (`ADVICE_OBTAINED`) or obtained and followed
 * (`ADVICE_FOLLOWED`). A switch in the rule set, so the law and the proposal run side by side on the same cases.
 */
export const ADVICE_CONDITIONS = ['NONE', 'ADVICE_OBTAINED', 'ADVICE_FOLLOWED'] as const;
export type AdviceCondition = (typeof ADVICE_CONDITIONS)[number];

export const ELIGIBILITY_REASONS = [
  'NO_ADVICE_CONDITION',
  'ADVICE_OBTAINED',
  'ADVICE_FOLLOWED',
  'NO_ADVICE',
  'ADVICE_LATE',
  'ADVICE_NOT_FOLLOWED',
] as const;
export type EligibilityReason = (typeof ELIGIBILITY_REASONS)[number];

/** What the referral events said about advice for one placement. */
export interface AdviceFacts {
  adviceObtained: boolean;
  /** null when no advice was compared with the decision (none given, or not yet). */
  followsAdvice: boolean | null;
  /** Decided ahead of advice (an urgent placement, rule 3): the advice had to follow within the deadline. */
  decidedBeforeAdvice?: boolean;
  /** The day of that decision, and the day the advice first reached the referral (null: not yet, or unknown). */
  decidedOn?: IsoDate | null;
  adviceReceivedOn?: IsoDate | null;
}

/**
 * Advice that came after its deadline (rule 3: an urgent placement ahead of advice, the advice due within the rule
 * set's working days of the decision). Advice before the decision is never late; a receipt day the platform does
 * not know (recorded before it kept them) is taken as in time, never held against the municipality.
 */
export function adviceLate(facts: AdviceFacts, deadlineWorkingDays: number | undefined): boolean {
  if (deadlineWorkingDays === undefined || !facts.decidedBeforeAdvice) return false;
  if (!facts.decidedOn || !facts.adviceReceivedOn) return false;
  return facts.adviceReceivedOn > addWorkingDays(facts.decidedOn, deadlineWorkingDays);
}

export interface Eligibility {
  eligible: boolean;
  reason: EligibilityReason;
}

/**
 * Eligibility under the advice condition. Under the regions' proposal advice only counts when it was obtained in
 * time: for a referral decided ahead of advice, within the rule set's advice deadline (working days from the
 * decision); later advice is `ADVICE_LATE`, not eligible. Today's law (`NONE`) asks nothing of advice.
 */
export function adviceEligibility(
  condition: AdviceCondition,
  facts: AdviceFacts,
  deadlineWorkingDays?: number,
): Eligibility {
  if (condition === 'NONE') return { eligible: true, reason: 'NO_ADVICE_CONDITION' };
  if (!facts.adviceObtained) return { eligible: false, reason: 'NO_ADVICE' };
  if (adviceLate(facts, deadlineWorkingDays)) return { eligible: false, reason: 'ADVICE_LATE' };
  if (condition === 'ADVICE_OBTAINED') return { eligible: true, reason: 'ADVICE_OBTAINED' };
  // Advice given but never compared with a decision counts as not followed: the proposal asks for proof.
  return facts.followsAdvice === true
    ? { eligible: true, reason: 'ADVICE_FOLLOWED' }
    : { eligible: false, reason: 'ADVICE_NOT_FOLLOWED' };
}
