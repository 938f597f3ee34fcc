import { Injectable, Logger } from '@nestjs/common';
import { ReferralAdviceOverdue, type AdviceGiven, type EventData } from '@platform/contracts';
import type { SpecialisationLevel } from '@platform/domain';
import { OutboxRelay, OutboxWriter, PermanentEventError } from '@platform/messaging';
import { UnitOfWork } from '@platform/kit';
import type { Tx } from '../database/prisma.service';
import { isAdviceOverdue } from '../referral/domain/advice-deadline';
import { compareWithAdvice } from '../referral/domain/deviation';
import { nextStatus } from '../referral/domain/referral-lifecycle';
import type { ReferralStatus } from '../referral/domain/referral-status';
import { ReferralRepository } from '../referral/referral.repository';

/** Advice (rådgivning) arriving from knowledge, and the deadline of advice that has not arrived. */
@Injectable()
export class AdviceService {
  private readonly logger = new Logger('AdviceService');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly referrals: ReferralRepository,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
  ) {}

  /**
   * Records advice on its referral. Awaiting advice → ready for decision; an urgent referral decided before
   * advice keeps its status, and its follows-advice/deviation flags are computed now that advice exists.
   */
  async receive(tx: Tx, advice: EventData<typeof AdviceGiven>): Promise<void> {
    const row = await this.referrals.lockInScope(tx, advice.referralId, {
      municipalityCode: advice.municipalityCode,
    });
    if (!row) throw new PermanentEventError(`advice ${advice.adviceCaseId} names an unknown referral`);
    const status = nextStatus(row.status as ReferralStatus, 'receiveAdvice');
    const decided = row.decisionOfferId && row.decisionLevel;
    const assessment = decided
      ? compareWithAdvice(advice, {
          level: row.decisionLevel as SpecialisationLevel,
          offerId: row.decisionOfferId!,
        })
      : undefined;
    await this.referrals.update(tx, row, {
      status,
      adviceCaseId: advice.adviceCaseId,
      adviceLevel: advice.level,
      adviceOfferId: advice.offerId,
      adviceRationale: advice.rationale,
      adviceGivenAt: new Date(advice.givenAt),
      adviceOverdue: false,
      ...(assessment
        ? {
            followsAdvice: assessment.followsAdvice,
            deviation: assessment.deviation,
            deviationReasons: assessment.deviationReasons,
          }
        : {}),
    });
  }

  /** Flags referrals whose advice deadline passed without advice, once each, with an event. */
  async flagOverdue(now = new Date()): Promise<number> {
    const flagged = await this.uow.run(async (tx: Tx) => {
      const due = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM referral
        WHERE advice_due_at < ${now} AND advice_given_at IS NULL AND advice_overdue = false
          AND status NOT IN ('WITHDRAWN', 'ENDED', 'REJECTED')
        ORDER BY advice_due_at LIMIT 500 FOR UPDATE SKIP LOCKED`;
      let flaggedNow = 0;
      for (const { id } of due) {
        const row = await this.referrals.findInScope(id, {}, tx);
        if (
          !row?.adviceDueAt ||
          !isAdviceOverdue({ adviceDueAt: row.adviceDueAt, adviceGivenAt: row.adviceGivenAt, now })
        )
          continue;
        await this.referrals.update(tx, row, { adviceOverdue: true });
        await this.outbox.append(tx, ReferralAdviceOverdue, {
          subject: id,
          data: {
            referralId: id,
            municipalityCode: row.municipalityCode,
            adviceDueAt: row.adviceDueAt.toISOString(),
          },
        });
        flaggedNow += 1;
      }
      return flaggedNow;
    });
    if (flagged) {
      this.logger.log({ msg: 'advice overdue', referrals: flagged });
      this.relay.nudge();
    }
    return flagged;
  }
}
