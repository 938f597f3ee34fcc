/**
 * The vocabulary of binding referral (forpligtende visitation) that events and services share. It lives in the
 * domain, so domain rules can use it without knowing the event contracts, which take it from here.
 */

/** Why specialist advice (specialistrådgivning) is mandatory for a referral, in this fixed order (rule 3). */
export const ADVICE_REASONS = ['HIGH_LEVEL', 'CASEWORKER_DOUBT', 'REGIONAL_RESPONSIBILITY'] as const;
export type AdviceReason = (typeof ADVICE_REASONS)[number];

/** How a decision deviates from the advice (afvigelse fra rådgivningen), rule 4. */
export const DEVIATION_REASONS = ['LOWER_LEVEL', 'OTHER_OFFER'] as const;
export type DeviationReason = (typeof DEVIATION_REASONS)[number];
