import { Injectable } from '@nestjs/common';
import { CommandRunner, type ChangeRequest, type Transition } from '@platform/kit';
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

/** A caller's change (see ReferralChange): the referral `id`, the command, the caller's scope. */
export interface TransitionRequest extends ChangeRequest {
  command: ReferralCommand;
  scope: ReferralFilter;
}

type Change = TransitionStep['data'] & { status: ReferralStatus };

/** A change the service makes itself, from an event or a schedule (no caller, no If-Match; see runAsService). */
export interface ServiceChangeRequest {
  referralId: string;
  scope: ReferralFilter;
  /** The transaction it joins: the inbox's, so the effect commits with the event's inbox row. */
  tx: Tx;
  action: string;
  /** What a referral that is not there means here (e.g. a PermanentEventError for a consumed event). */
  missing: () => Error;
}

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
      ...this.onReferral(request.id),
      principal: request.principal,
      requestId: request.requestId,
      ifMatch: request.ifMatch,
      action: `referral.${request.command}`,
      load: (tx) => this.referrals.lockInScope(tx, request.id, request.scope),
      transition: async (row, tx) => {
        assertAllowed(row.status as ReferralStatus, request.command);
        const step = await plan(row, tx);
        const status = nextStatus(row.status as ReferralStatus, request.command, step.context);
        return { change: { ...step.data, status }, events: step.events };
      },
    });
  }

  /** The same path for a change the service makes itself (advice received, a deadline passed): audited as it. */
  runAsService(request: ServiceChangeRequest, transition: (row: ReferralRow) => Transition<ReferralChanges>) {
    return this.runner.run<ReferralRow, ReferralChanges, ReferralRow, Tx>({
      ...this.onReferral(request.referralId),
      principal: this.runner.system,
      tx: request.tx,
      ifMatch: undefined,
      action: request.action,
      load: async (tx) => {
        const row = await this.referrals.lockInScope(tx, request.referralId, request.scope);
        if (!row) throw request.missing();
        return row;
      },
      transition,
    });
  }

  /** What every referral command shares: the resource, its ETag and pseudonym, the save. */
  private onReferral(referralId: string) {
    return {
      resource: { type: 'referral', id: referralId },
      purpose: 'visitation',
      etag: etagOf,
      citizenPseudonym: (row: ReferralRow) => row.citizenPseudonym,
      // Submit, decide, placement…: all under the case's id, not the id of the request that asks for them.
      correlationId: (row: ReferralRow) => row.correlationId,
      save: (tx: Tx, row: ReferralRow, change: ReferralChanges) => this.referrals.update(tx, row, change),
    };
  }
}
