import {
  ADVICE_REASONS,
  assertIsoDate,
  compareLevels,
  type AdviceReason,
  type Responsibility,
  type SpecialisationLevel,
} from '@platform/domain';

// responsibilityOn and its types moved to @platform/domain; the types stay importable from here for old readers.
export type { Responsibility } from '@platform/domain';

/** Who is responsible for a target group on a date; supplied by the caller from specialty planning's events. */
export type ResponsibilityLookup = (targetGroup: string, date: string) => Responsibility;

export interface AdviceRequirementInput {
  assessedLevel: SpecialisationLevel;
  /** The case worker marks doubt about the citizen's needs (tvivl om borgerens behov). */
  caseworkerDoubt: boolean;
  targetGroup: string;
  /** The referral's date: responsibility is judged on it, not on the day the rule runs. */
  referralDate: string;
  responsibility: ResponsibilityLookup;
}

export interface AdviceRequirement {
  required: boolean;
  reasons: AdviceReason[];
}

/**
 * Forpligtende visitation (rule 3): advice is mandatory when the assessed level is HIGH, when the case worker
 * is in doubt, or when the target group is under regional responsibility on the referral date. All reasons
 * that apply are given, so the advisory function sees the whole picture.
 */
export function assessAdviceRequirement(input: AdviceRequirementInput): AdviceRequirement {
  assertIsoDate(input.referralDate, 'referralDate');
  const applies: Record<AdviceReason, boolean> = {
    HIGH_LEVEL: compareLevels(input.assessedLevel, 'HIGH') >= 0,
    CASEWORKER_DOUBT: input.caseworkerDoubt === true,
    REGIONAL_RESPONSIBILITY: input.responsibility(input.targetGroup, input.referralDate) === 'REGIONAL',
  };
  const reasons = ADVICE_REASONS.filter((reason) => applies[reason]);
  return { required: reasons.length > 0, reasons };
}
