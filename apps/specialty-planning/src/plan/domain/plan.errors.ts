import { StateConflict, ValidationFailed } from '@platform/domain';
import type { PlanCommand, PlanStatus } from './plan-version';

/** The command is not possible in the plan version's status (409, with the status and what is allowed). */
export class PlanTransitionError extends StateConflict {
  constructor(currentStatus: PlanStatus, command: PlanCommand, allowed: readonly PlanCommand[]) {
    super(
      'INVALID_PLAN_TRANSITION',
      `cannot ${command} a plan version in status ${currentStatus}; allowed: ${allowed.join(', ') || 'none'}`,
      { currentStatus, allowed },
    );
  }
}

/** A plan version without entries cannot be approved: it would approve no function. */
export class PlanWithoutEntriesError extends StateConflict {
  constructor() {
    super(
      'PLAN_WITHOUT_ENTRIES',
      'a plan version without entries cannot be approved; add entries to a new draft',
    );
  }
}

/** An entry names an offer the directory does not have. */
export class UnknownOfferError extends ValidationFailed {
  constructor(pointer: string) {
    super('UNKNOWN_OFFER', 'no offer with this id in the offer directory', [pointer]);
  }
}

/** An entry's offer left the directory between drafting and approval: the draft must be corrected first. */
export class EntryOfferMissingError extends StateConflict {
  constructor(position: number) {
    super(
      'ENTRY_OFFER_MISSING',
      `entry ${position} names an offer that is no longer in the offer directory`,
      {
        entry: position,
      },
    );
  }
}
