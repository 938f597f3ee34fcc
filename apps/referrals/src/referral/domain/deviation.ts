import { isLowerLevel, type DeviationReason, type SpecialisationLevel } from '@platform/domain';
import { DeviationJustificationRequiredError } from './referral.errors';

export interface Placement {
  level: SpecialisationLevel;
  offerId: string;
}

export interface DecisionInput {
  /** The specialist advice, when given. */
  advice?: Placement;
  decision: Placement;
  justification?: string;
  minJustificationLength: number;
}

export interface DecisionAssessment {
  /** null when there is no advice to follow. */
  followsAdvice: boolean | null;
  deviation: boolean;
  deviationReasons: DeviationReason[];
}

/**
 * Rule 4: deciding a lower level than advised, or another offer than advised, is a deviation; it must be
 * justified in writing and is flagged, because it affects refusion. A higher level than advised at the
 * advised offer is not a deviation: the citizen gets at least what was advised.
 * Throws DeviationJustificationRequiredError when deviating without a justification of at least the minimum
 * length after trimming (a blank justification never counts, whatever the minimum).
 */
export function assessDecision(input: DecisionInput): DecisionAssessment {
  const assessment = compareWithAdvice(input.advice, input.decision);
  if (assessment.deviation) {
    const minLength = Math.max(1, input.minJustificationLength);
    if ((input.justification ?? '').trim().length < minLength)
      throw new DeviationJustificationRequiredError(minLength);
  }
  return assessment;
}

/**
 * How a decision stands to the advice, without judging it: also used when advice arrives after an urgent
 * decision, where the deviation is flagged but nobody could have justified it in advance.
 */
export function compareWithAdvice(advice: Placement | undefined, decision: Placement): DecisionAssessment {
  if (!advice) return { followsAdvice: null, deviation: false, deviationReasons: [] };
  const deviationReasons: DeviationReason[] = [];
  if (isLowerLevel(decision.level, advice.level)) deviationReasons.push('LOWER_LEVEL');
  if (decision.offerId !== advice.offerId) deviationReasons.push('OTHER_OFFER');
  const deviation = deviationReasons.length > 0;
  return { followsAdvice: !deviation, deviation, deviationReasons };
}
