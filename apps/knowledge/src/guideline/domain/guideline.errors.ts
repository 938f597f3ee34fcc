import { ForbiddenError, StateConflict } from '@platform/domain';

/** The guideline has no version in the status the command needs (409 `invalid-transition`). */
export class GuidelineTransitionError extends StateConflict {
  constructor(command: string, needs: string, currentStatuses: readonly string[]) {
    super(
      'INVALID_TRANSITION',
      `cannot ${command}: the guideline has no ${needs} version (its versions are ${currentStatuses.join(', ') || 'none'})`,
      { currentStatuses },
    );
  }
}

/** A guideline has at most one draft at a time (409 `draft-exists`). */
export class DraftExistsError extends StateConflict {
  constructor(version: number) {
    super('DRAFT_EXISTS', `version ${version} is a draft already; change it or publish it first`, {
      version,
    });
  }
}

/** Guidelines are written by the advisory functions of their target group (403). */
export class GuidelineAuthorForbiddenError extends ForbiddenError {
  constructor() {
    super(
      'FORBIDDEN',
      'only the advisors of an organisation holding an active advisory function for the target group write its guidelines',
    );
  }
}
