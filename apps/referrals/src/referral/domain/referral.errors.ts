import { DomainError, StateConflict, ValidationFailed } from '@platform/domain';
import type { ReferralCommand } from './referral-command';
import type { ReferralStatus } from './referral-status';

/**
 * The command is not possible in the referral's current status. Its code is the API's documented problem type
 * (`invalid-transition`), and it tells the client the status and the commands that are possible (409).
 */
export class IllegalTransitionError extends StateConflict {
  constructor(
    readonly currentStatus: ReferralStatus,
    readonly command: ReferralCommand,
    readonly allowed: readonly ReferralCommand[],
    message = `cannot ${command} a referral in status ${currentStatus}; allowed: ${allowed.join(', ') || 'none'}`,
  ) {
    super('INVALID_TRANSITION', message, { currentStatus, allowed });
  }
}

/**
 * Rule 3: a referral awaiting mandatory advice may only be decided first as an urgent placement with a reason.
 * To a client it is an invalid transition like any other; only the message says why.
 */
export class AdviceRequiredBeforeDecisionError extends IllegalTransitionError {
  constructor(currentStatus: ReferralStatus, allowed: readonly ReferralCommand[]) {
    super(
      currentStatus,
      'decide',
      allowed,
      'specialist advice is mandatory and has not been given; only an urgent placement with a written reason may be decided before it',
    );
  }
}

/** The caller did not supply a fact the transition depends on: a programming error (an invariant, HTTP 500). */
export class TransitionContextMissingError extends DomainError {
  constructor(
    readonly command: ReferralCommand,
    readonly field: string,
  ) {
    super('TRANSITION_CONTEXT_MISSING', `${command} needs ${field} in its transition context`);
  }
}

/** Rule 4: a decision that deviates from the advice needs a written justification of a minimum length. */
export class DeviationJustificationRequiredError extends ValidationFailed {
  constructor(readonly minLength: number) {
    super(
      'DEVIATION_JUSTIFICATION_REQUIRED',
      `the decision deviates from the advice and needs a written justification of at least ${minLength} characters`,
      ['/justification'],
    );
  }
}

/** Accept refused (rule 5): every place of the offer is taken (belægning = pladser). */
export class NoCapacityError extends StateConflict {
  constructor(places: number, occupied: number) {
    super(
      'NO_CAPACITY',
      `the offer has ${places} places and ${occupied} are taken; reject with reason NO_CAPACITY or wait`,
      { places, occupied },
    );
  }
}

/** A decision names an offer that is not an active offer of the directory. */
export class UnknownOfferError extends ValidationFailed {
  constructor() {
    super('UNKNOWN_OFFER', 'no active offer with this id in the offer directory', ['/offerId']);
  }
}

/** A placement cannot end before it started. */
export class PlacementEndBeforeStartError extends ValidationFailed {
  constructor() {
    super('PLACEMENT_END_BEFORE_START', 'must not be before the placement start', ['/endDate']);
  }
}
