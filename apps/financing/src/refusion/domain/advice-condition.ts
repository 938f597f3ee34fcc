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
  'ADVICE_NOT_FOLLOWED',
] as const;
export type EligibilityReason = (typeof ELIGIBILITY_REASONS)[number];

/** What the referral events said about advice for one placement. */
export interface AdviceFacts {
  adviceObtained: boolean;
  /** null when no advice was compared with the decision (none given, or not yet). */
  followsAdvice: boolean | null;
}

export interface Eligibility {
  eligible: boolean;
  reason: EligibilityReason;
}

export function adviceEligibility(condition: AdviceCondition, facts: AdviceFacts): Eligibility {
  if (condition === 'NONE') return { eligible: true, reason: 'NO_ADVICE_CONDITION' };
  if (!facts.adviceObtained) return { eligible: false, reason: 'NO_ADVICE' };
  if (condition === 'ADVICE_OBTAINED') return { eligible: true, reason: 'ADVICE_OBTAINED' };
  // Advice given but never compared with a decision counts as not followed: the proposal asks for proof.
  return facts.followsAdvice === true
    ? { eligible: true, reason: 'ADVICE_FOLLOWED' }
    : { eligible: false, reason: 'ADVICE_NOT_FOLLOWED' };
}
