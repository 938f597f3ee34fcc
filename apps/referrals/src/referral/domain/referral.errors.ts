import { DomainError } from '@platform/domain';
import type { ReferralCommand } from './referral-command';
import type { ReferralStatus } from './referral-status';

/** The command is not possible in the referral's current status. Carries what would be (HTTP 409). */
export class IllegalTransitionError extends DomainError {
  constructor(
    readonly currentStatus: ReferralStatus,
    readonly command: ReferralCommand,
    readonly allowed: readonly ReferralCommand[],
    code = 'ILLEGAL_TRANSITION',
    message = `cannot ${command} a referral in status ${currentStatus}; allowed: ${allowed.join(', ') || 'none'}`,
  ) {
    super(code, message);
  }
}

/** Rule 3: a referral awaiting mandatory advice may only be decided first as an urgent placement with a reason. */
export class AdviceRequiredBeforeDecisionError extends IllegalTransitionError {
  constructor(currentStatus: ReferralStatus, allowed: readonly ReferralCommand[]) {
    super(
      currentStatus,
      'decide',
      allowed,
      'ADVICE_REQUIRED_BEFORE_DECISION',
      'specialist advice is mandatory and has not been given; only an urgent placement with a written reason may be decided before it',
    );
  }
}

/** The caller did not supply a fact the transition depends on: a programming error, not a user error. */
export class TransitionContextMissingError extends DomainError {
  constructor(
    readonly command: ReferralCommand,
    readonly field: string,
  ) {
    super('TRANSITION_CONTEXT_MISSING', `${command} needs ${field} in its transition context`);
  }
}

/** Rule 4: a decision that deviates from the advice needs a written justification of a minimum length. */
export class DeviationJustificationRequiredError extends DomainError {
  constructor(readonly minLength: number) {
    super(
      'DEVIATION_JUSTIFICATION_REQUIRED',
      `the decision deviates from the advice and needs a written justification of at least ${minLength} characters`,
    );
  }
}
