import { StateConflict, ValidationFailed } from '@platform/domain';

/** A plan entry or an application gives an offer a function for a target group the offer does not serve. */
export class TargetGroupNotServedError extends ValidationFailed {
  constructor(pointer: string, targetGroup: string) {
    super('TARGET_GROUP_NOT_SERVED', `the offer does not serve target group ${targetGroup}`, [pointer]);
  }
}

/** An application was approved or rejected already; a decision is final (409). */
export class ApplicationDecidedError extends StateConflict {
  constructor(currentStatus: string) {
    super('APPLICATION_ALREADY_DECIDED', `the application was decided already (${currentStatus})`, {
      currentStatus,
    });
  }
}
