import { ADVICE_REASONS } from '@platform/contracts';
import {
  assertIsoDate,
  compareLevels,
  type Responsibility,
  type SpecialisationLevel,
} from '@platform/domain';

export type { Responsibility } from '@platform/domain';

/** Why specialist advice (specialistrådgivning) is mandatory for a referral, in this fixed order. */

export { ADVICE_REASONS };
export type AdviceReason = (typeof ADVICE_REASONS)[number];

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

/** A change of responsibility for one target group, effective from a date (inclusive). */
export interface ResponsibilityChange {
  targetGroup: string;
  responsibility: Responsibility;
  effectiveFrom: string;
}

/**
 * The responsibility of a target group on a date: the latest change effective on or before it, MUNICIPAL when
 * there is none (regional responsibility is rolled out group by group; municipal is where every group starts).
 * Of two changes with the same effective date, the later one in the list wins (a correction).
 */
export function responsibilityOn(
  changes: readonly ResponsibilityChange[],
  targetGroup: string,
  date: string,
): Responsibility {
  assertIsoDate(date);
  let current: ResponsibilityChange | undefined;
  for (const change of changes) {
    if (change.targetGroup !== targetGroup) continue;
    assertIsoDate(change.effectiveFrom, 'effectiveFrom');
    if (change.effectiveFrom > date) continue;
    if (!current || change.effectiveFrom >= current.effectiveFrom) current = change;
  }
  return current?.responsibility ?? 'MUNICIPAL';
}
