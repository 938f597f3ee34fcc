import { ForbiddenError, StateConflict, ValidationFailed } from '@platform/domain';
import type { AdviceCaseCommand, AdviceCaseStatus } from './advice-case-lifecycle';

/** The command is not possible in the case's status (409 `invalid-transition`, with the status and what is allowed). */
export class IllegalAdviceCaseTransitionError extends StateConflict {
  constructor(
    currentStatus: AdviceCaseStatus,
    command: AdviceCaseCommand,
    allowed: readonly AdviceCaseCommand[],
  ) {
    super(
      'INVALID_TRANSITION',
      `cannot ${command} an advice case in status ${currentStatus}; allowed: ${allowed.join(', ') || 'none'}`,
      { currentStatus, allowed },
    );
  }
}

/** The national function is the last in the order: it cannot pass a case on (409 `cannot-decline`). */
export class NationalCannotDeclineError extends StateConflict {
  constructor() {
    super(
      'CANNOT_DECLINE',
      'the national advisory function is the last in the order and cannot decline a case',
    );
  }
}

/** A reassignment to where the case already lies changes nothing (409 `already-assigned`). */
export class AlreadyAssignedError extends StateConflict {
  constructor() {
    super('ALREADY_ASSIGNED', 'the case is assigned to this function already');
  }
}

/** The function named is not an active advisory function for the case's target group on its date. */
export class NotACandidateFunctionError extends ValidationFailed {
  constructor() {
    super(
      'NOT_A_CANDIDATE_FUNCTION',
      "not an approved advisory function for the case's target group on its date (or it declined the case)",
      ['/advisoryFunctionId'],
    );
  }
}

/** A case in doubt must name a target group the platform knows. */
export class UnknownTargetGroupError extends ValidationFailed {
  constructor() {
    super(
      'UNKNOWN_TARGET_GROUP',
      'unknown target group: neither a platform target group nor one with an approved advisory function',
      ['/targetGroup'],
    );
  }
}

/** The cited guideline version is not a published version for the case's target group. */
export class GuidelineNotCitableError extends ValidationFailed {
  constructor() {
    super('GUIDELINE_NOT_CITABLE', "must be a published guideline version for the case's target group", [
      '/guidelineVersionId',
    ]);
  }
}

/** A referral has one advice case; a municipality cannot open a second (409 `case-exists`, with its id). */
export class AdviceCaseExistsError extends StateConflict {
  constructor(adviceCaseId?: string) {
    super('CASE_EXISTS', 'the referral has an advice case already', adviceCaseId ? { adviceCaseId } : {});
  }
}

/** The caller's organisation or role has no access to advice cases at all (403). */
export class CaseAccessForbiddenError extends ForbiddenError {
  constructor(reason: string) {
    super('FORBIDDEN', reason);
  }
}
