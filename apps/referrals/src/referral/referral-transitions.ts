import { Injectable } from '@nestjs/common';
import { AuditTrail, type Principal } from '@platform/auth';
import type { EventData, EventDefinition } from '@platform/contracts';
import { PROBLEM_TYPES, ProblemException } from '@platform/http';
import { OutboxRelay, OutboxWriter } from '@platform/messaging';
import { PrismaService, type Tx } from '../database/prisma.service';
import type { Prisma } from '../generated/prisma/client';
import {
  assertAllowed,
  nextStatus,
  type ReferralCommand,
  type TransitionContext,
} from './domain/referral-lifecycle';
import type { ReferralStatus } from './domain/referral-status';
import { ReferralRepository, type ReferralFilter, type ReferralRow } from './referral.repository';
import { actorExtension } from './referral.service';
import { etagOf } from './referral.view';

export interface PendingEvent<D extends EventDefinition = EventDefinition> {
  definition: D;
  data: EventData<D>;
}

export const event = <D extends EventDefinition>(definition: D, data: EventData<D>): PendingEvent =>
  ({ definition, data }) as PendingEvent;

/** What a command changes, decided from the current row (inside the transaction, with the row locked). */
export interface TransitionStep {
  context?: TransitionContext;
  data: Omit<Prisma.ReferralUpdateInput, 'status' | 'version' | 'updatedAt'>;
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

/**
 * Runs one command on a referral, the same way for every endpoint: lock the row in the caller's scope (404
 * outside it), check If-Match against the ETag (428 without, 412 on a stale one), ask the state machine for
 * the next status (409 naming the allowed steps), then write the change, its events and the audit event in
 * one transaction.
 */
@Injectable()
export class ReferralTransitions {
  constructor(
    private readonly prisma: PrismaService,
    private readonly referrals: ReferralRepository,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
    private readonly audit: AuditTrail,
  ) {}

  async run(
    request: TransitionRequest,
    plan: (row: ReferralRow, tx: Tx) => Promise<TransitionStep>,
  ): Promise<ReferralRow> {
    const { principal, referralId } = request;
    const updated = await this.prisma.$transaction(async (tx) => {
      const row = await this.referrals.lockInScope(tx, referralId, request.scope);
      if (!row) return null;
      checkIfMatch(row, request.ifMatch);
      // The state machine answers first, so a command in the wrong state is 409 whatever its body says.
      assertAllowed(row.status as ReferralStatus, request.command);
      const step = await plan(row, tx);
      const status: ReferralStatus = nextStatus(row.status as ReferralStatus, request.command, step.context);
      const saved = await this.referrals.update(tx, row, { ...step.data, status });
      for (const pending of step.events) {
        await this.outbox.append(tx, pending.definition, {
          subject: referralId,
          data: pending.data,
          extensions: actorExtension(principal),
        });
      }
      await this.audit.record(tx, principal, {
        action: `referral.${request.command}`,
        resource: { type: 'referral', id: referralId },
        citizenPseudonym: row.citizenPseudonym,
        purpose: 'visitation',
        outcome: 'ALLOWED',
        requestId: request.requestId,
      });
      return saved;
    });
    if (!updated) {
      await this.audit.denied(principal, {
        action: 'referral.change',
        resource: { type: 'referral', id: referralId },
        requestId: request.requestId,
      });
      throw ProblemException.notFound(`referral ${referralId}`);
    }
    this.relay.nudge();
    return updated;
  }
}

function checkIfMatch(row: ReferralRow, ifMatch: string | undefined): void {
  if (!ifMatch) {
    throw new ProblemException({
      type: PROBLEM_TYPES.preconditionRequired,
      title: 'If-Match required',
      status: 428,
      detail: 'send the ETag of the referral you read in If-Match, so concurrent changes are not overwritten',
    });
  }
  const current = etagOf(row);
  const accepted = ifMatch.split(',').map((t) => t.trim());
  if (!accepted.includes(current) && !accepted.includes(current.replace(/^W\//, ''))) {
    throw new ProblemException(
      {
        type: PROBLEM_TYPES.preconditionFailed,
        title: 'The referral has changed',
        status: 412,
        detail: `If-Match ${ifMatch} does not match the current ETag ${current}; read it again`,
      },
      { ETag: current },
    );
  }
}
