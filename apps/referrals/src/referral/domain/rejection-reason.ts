/**
 * Why an operator rejects a referral sent to its offer (afvisningsårsag). NO_CAPACITY feeds the needs
 * analyses (behovsanalyser: rejections for lack of capacity), so it is a code, not free text.
 */
export const REJECTION_REASONS = ['NO_CAPACITY', 'TARGET_GROUP_MISMATCH', 'LEVEL_MISMATCH', 'OTHER'] as const;

export type RejectionReason = (typeof REJECTION_REASONS)[number];

export function isRejectionReason(value: unknown): value is RejectionReason {
  return typeof value === 'string' && (REJECTION_REASONS as readonly string[]).includes(value);
}
