import { Injectable, Logger } from '@nestjs/common';
import {
  AdviceCaseOverdue,
  type EventData,
  type ReferralAdviceReceived,
  type ReferralDecided,
} from '@platform/contracts';
import { CommandRunner, UnitOfWork, type Transition } from '@platform/kit';
import { event } from '@platform/messaging';
import type { Tx } from '../database/prisma.service';
import { MetricsPublisher } from '../metrics/metrics.publisher';
import { serviceScope } from './advice-case-scope';
import { AdviceCaseRepository, type AdviceCaseChanges, type AdviceCaseRow } from './advice-case.repository';
import { adviceCaseEtag, assignmentOf } from './advice-case.view';
import { allowedCommands, isOpen, nextStatus, type AdviceCaseStatus } from './domain/advice-case-lifecycle';
import { isOverdue } from './domain/deadline';

/** How a referral's decision compares with its advice (rule 4), from decided or advice-received. */
interface DecisionFacts {
  referralId: string;
  followsAdvice: boolean;
  deviation: boolean;
}

/**
 * The changes knowledge makes to cases itself, as the service (runner.system): a decision compared with the
 * advice, a withdrawn referral, a passed deadline. Each goes the command runner's path, so it is audited and its
 * events commit with it, in the inbox's transaction for consumed events.
 */
@Injectable()
export class AdviceCaseUpkeep {
  private readonly logger = new Logger('AdviceCaseUpkeep');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly runner: CommandRunner,
    private readonly cases: AdviceCaseRepository,
    private readonly metrics: MetricsPublisher,
  ) {}

  /** dk.social.referral.decided.v1: a decision after advice says whether it followed it. */
  async decided(tx: Tx, e: EventData<typeof ReferralDecided>): Promise<void> {
    // Decided ahead of advice (urgent): the comparison arrives with advice-received instead.
    if (e.followsAdvice === null) return;
    await this.recordDecision(tx, {
      referralId: e.referralId,
      followsAdvice: e.followsAdvice,
      deviation: e.deviation,
    });
  }

  /** dk.social.referral.advice-received.v1: advice reaching a referral decided before it, compared now. */
  async adviceReceived(tx: Tx, e: EventData<typeof ReferralAdviceReceived>): Promise<void> {
    if (e.followsAdvice === undefined) return;
    await this.recordDecision(tx, {
      referralId: e.referralId,
      followsAdvice: e.followsAdvice,
      deviation: e.deviation ?? !e.followsAdvice,
    });
  }

  /** dk.social.referral.withdrawn.v1: an open case closes; its advisors need not answer. */
  async withdrawn(tx: Tx, referralId: string): Promise<void> {
    const found = await this.cases.findByReferral(referralId, tx);
    if (!found || !allowedCommands(found.status as AdviceCaseStatus).includes('withdraw')) return;
    await this.asService(tx, found.id, 'advice-case.withdraw', (row) => ({
      change: { status: nextStatus(row.status as AdviceCaseStatus, 'withdraw') },
      events: [],
    }));
  }

  /** Flags open cases whose deadline passed without advice, once each, with AdviceCaseOverdue. */
  async flagOverdue(now = new Date()): Promise<number> {
    const flagged = await this.uow.run(async (tx: Tx) => {
      const ids = await this.cases.claimPassedDeadlines(tx, now);
      for (const id of ids) {
        await this.asService(tx, id, 'advice-case.flag-overdue', (row) => overdueTransition(row, now));
      }
      return ids.length;
    });
    if (flagged) this.logger.log({ msg: 'advice cases overdue', cases: flagged });
    return flagged;
  }

  private async recordDecision(tx: Tx, d: DecisionFacts): Promise<void> {
    const found = await this.cases.findByReferral(d.referralId, tx);
    // A referral without a case, or a case without advice (withdrawn), has nothing to compare.
    if (!found || !allowedCommands(found.status as AdviceCaseStatus).includes('recordDecision')) return;
    const saved = await this.asService(tx, found.id, 'advice-case.record-decision', () => ({
      change: { followsAdvice: d.followsAdvice, deviation: d.deviation, decidedAt: new Date() },
      events: [],
    }));
    await this.metrics.publish(tx, saved, this.runner.system);
  }

  private asService(
    tx: Tx,
    id: string,
    action: string,
    transition: (row: AdviceCaseRow) => Transition<AdviceCaseChanges>,
  ): Promise<AdviceCaseRow> {
    return this.runner.run<AdviceCaseRow, AdviceCaseChanges, AdviceCaseRow, Tx>({
      principal: this.runner.system,
      ifMatch: undefined,
      tx,
      resource: { type: 'advice-case', id },
      action,
      purpose: 'advice',
      load: async (t) => {
        const row = await this.cases.lockInScope(t, id, serviceScope);
        if (!row) throw new Error(`advice case ${id} vanished while it was being changed`);
        return row;
      },
      etag: adviceCaseEtag,
      citizenPseudonym: (row) => row.citizenPseudonym ?? undefined,
      correlationId: (row) => row.correlationId,
      transition,
      save: (t, row, change) => this.cases.update(t, row, change),
    });
  }
}

/** The flag and its event. The query chose the row by the same rule; a row the rule rejects is a bug. */
function overdueTransition(row: AdviceCaseRow, now: Date): Transition<AdviceCaseChanges> {
  if (!isOverdue({ dueAt: row.dueAt, adviceGivenAt: row.adviceGivenAt, open: isOpen(row.status) }, now))
    throw new Error(`advice case ${row.id} was chosen as overdue but is not`);
  return {
    change: { overdue: true, overdueAt: now },
    events: [
      event(AdviceCaseOverdue, {
        adviceCaseId: row.id,
        referralId: row.referralId,
        municipalityCode: row.municipalityCode,
        dueAt: row.dueAt.toISOString(),
        assignment: assignmentOf(row),
      }),
    ],
  };
}
