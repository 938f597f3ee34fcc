import { InvalidCprError } from '@platform/domain';
import { PROBLEM_TYPES, problemType, type ProblemBody } from '@platform/http';
import { DeviationJustificationRequiredError, IllegalTransitionError } from './domain/referral.errors';

/** Maps the referral domain's errors to problem details; the HTTP edge knows nothing else about them. */
export function referralProblems(error: unknown): ProblemBody | undefined {
  if (error instanceof IllegalTransitionError) {
    return {
      type: problemType('invalid-transition'),
      title: 'Not allowed in the current state',
      status: 409,
      detail: error.message,
      currentStatus: error.currentStatus,
      allowed: error.allowed,
    };
  }
  if (error instanceof DeviationJustificationRequiredError) {
    return {
      type: PROBLEM_TYPES.validation,
      title: 'The request is not valid',
      status: 400,
      detail: error.message,
      errors: [{ pointer: '/justification', detail: error.message }],
    };
  }
  if (error instanceof InvalidCprError) {
    return {
      type: PROBLEM_TYPES.validation,
      title: 'The request is not valid',
      status: 400,
      detail: error.message,
      errors: [{ pointer: '/cpr', detail: error.message }],
    };
  }
  return undefined;
}
