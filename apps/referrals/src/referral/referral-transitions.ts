import { Injectable } from '@nestjs/common';
import type { Principal } from '@platform/auth';
import { CommandRunner } from '@platform/kit';
import type { PendingEvent } from '@platform/messaging';
import type { Tx } from '../database/prisma.service';
import {
  assertAllowed,
  nextStatus,
  type ReferralCommand,
  type TransitionContext,
} from './domain/referral-lifecycle';
import type { ReferralStatus } from './domain/referral-status';
import {
  ReferralRepository,
  type ReferralChanges,
  type ReferralFilter,
  type ReferralRow,
} from './referral.repository';
import { etagOf } from './referral.view';

export { event, type PendingEvent } from '@platform/messaging';

/** What a command changes, decided from the current row (inside the transaction, with the row locked). */
export interface TransitionStep {
  context?: TransitionContext;
  data: Omit<ReferralChanges, 'status'>;
  events: PendingEvent[];
}

export interface TransitionRequest {
  command: ReferralCommand;
  principal: Principal;
  referralId: string;
  scope: ReferralFilter;
  ifMatch: string | undefined;
  requestId?: string;
}

type Change = TransitionStep['data'] & { status: ReferralStatus };

/**
 * A referral command on the kit's command runner: the row locked in the caller's scope, its ETag, the state
 * machine (409 naming the allowed steps, whatever the body says), then the command's own plan, the save, its
 * events and the audit event in one transaction.
 */
@Injectable()
export class ReferralTransitions {
  constructor(
    private readonly runner: CommandRunner,
    private readonly referrals: ReferralRepository,
  ) {}

  run(request: TransitionRequest, plan: (row: ReferralRow, tx: Tx) => Promise<TransitionStep>) {
    return this.runner.run<ReferralRow, Change, ReferralRow, Tx>({
      principal: request.principal,
      requestId: request.requestId,
      ifMatch: request.ifMatch,
      resource: { type: 'referral', id: request.referralId },
      action: `referral.${request.command}`,
      purpose: 'visitation',
      load: (tx) => this.referrals.lockInScope(tx, request.referralId, request.scope),
      etag: etagOf,
      citizenPseudonym: (row) => row.citizenPseudonym,
      transition: async (row, tx) => {
        assertAllowed(row.status as ReferralStatus, request.command);
        const step = await plan(row, tx);
        const status = nextStatus(row.status as ReferralStatus, request.command, step.context);
        return { change: { ...step.data, status }, events: step.events };
      },
      save: (tx, row, change) => this.referrals.update(tx, row, change),
    });
  }
}
