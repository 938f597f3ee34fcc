import { Injectable, Logger } from '@nestjs/common';
import {
  ReferralAdviceOverdue,
  ReferralAdviceReceived,
  type AdviceGiven,
  type EventData,
} from '@platform/contracts';
import type { SpecialisationLevel } from '@platform/domain';
import { UnitOfWork, type Transition } from '@platform/kit';
import { event, PermanentEventError } from '@platform/messaging';
import type { Tx } from '../database/prisma.service';
import { isAdviceOverdue } from '../referral/domain/advice-deadline';
import { compareWithAdvice } from '../referral/domain/deviation';
import { allowedCommands, nextStatus } from '../referral/domain/referral-lifecycle';
import type { ReferralStatus } from '../referral/domain/referral-status';
import { ReferralTransitions } from '../referral/referral-transitions';
import type { ReferralChanges, ReferralRow } from '../referral/referral.repository';

type Advice = EventData<typeof AdviceGiven>;

/**
 * Advice (rådgivning) arriving from knowledge, and the deadline of advice that has not arrived. Both change
 * a referral, so both go the one command path as the service itself (ReferralTransitions.runAsService): the
 * change, its event and its audit record commit together, as for every change a caseworker makes (issue 7,
 * finding 9).
 */
@Injectable()
export class AdviceService {
  private readonly logger = new Logger('AdviceService');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly transitions: ReferralTransitions,
  ) {}

  /**
   * Records advice on its referral, in the inbox's transaction. Awaiting advice → ready for decision; an
   * urgent referral decided before advice keeps its status, and its follows-advice/deviation flags are
   * computed now (rule 4) and published with `advice-received`, so financing and the state see a deviation.
   */
  async receive(tx: Tx, advice: Advice): Promise<void> {
    await this.transitions.runAsService(
      {
        referralId: advice.referralId,
        scope: { municipalityCode: advice.municipalityCode },
        tx,
        action: 'referral.receive-advice',
        missing: () => new PermanentEventError(`advice ${advice.adviceCaseId} names an unknown referral`),
      },
      (row) => adviceTransition(row, advice),
    );
  }

  /** Flags referrals whose advice deadline passed without advice, once each, with an event. */
  async flagOverdue(now = new Date()): Promise<number> {
    const flagged = await this.uow.run(async (tx: Tx) => {
      // Several instances may scan at once: each takes the rows no other holds.
      const due = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM referral
        WHERE advice_due_at < ${now} AND advice_given_at IS NULL AND advice_overdue = false
          AND status NOT IN ('WITHDRAWN', 'ENDED', 'REJECTED')
        ORDER BY advice_due_at LIMIT 500 FOR UPDATE SKIP LOCKED`;
      for (const { id } of due) {
        await this.transitions.runAsService(
          {
            referralId: id,
            scope: {},
            tx,
            action: 'referral.flag-advice-overdue',
            missing: () => new Error(`referral ${id} vanished while locked`),
          },
          (row) => overdueTransition(row, now),
        );
      }
      return due.length;
    });
    if (flagged) this.logger.log({ msg: 'advice overdue', referrals: flagged });
    return flagged;
  }
}

/** The flag and its event. The query above is the rule in SQL; a row it chose that the rule rejects is a bug. */
function overdueTransition(row: ReferralRow, now: Date): Transition<ReferralChanges> {
  const dueAt = row.adviceDueAt;
  if (!dueAt || !isAdviceOverdue({ adviceDueAt: dueAt, adviceGivenAt: row.adviceGivenAt, now })) {
    throw new Error(`referral ${row.id} was chosen as overdue but is not`);
  }
  return {
    change: { adviceOverdue: true },
    events: [
      event(ReferralAdviceOverdue, {
        referralId: row.id,
        municipalityCode: row.municipalityCode,
        adviceDueAt: dueAt.toISOString(),
      }),
    ],
  };
}

/** The advice on the row and, for a referral decided ahead of advice, the comparison with the decision. */
function adviceTransition(row: ReferralRow, advice: Advice): Transition<ReferralChanges> {
  const status = row.status as ReferralStatus;
  // Advice for a referral that is closed cannot become applicable by trying again: park it at once.
  if (!allowedCommands(status).includes('receiveAdvice'))
    throw new PermanentEventError(`advice ${advice.adviceCaseId} arrived for a referral in status ${status}`);
  const assessment =
    row.decisionOfferId && row.decisionLevel
      ? compareWithAdvice(advice, {
          level: row.decisionLevel as SpecialisationLevel,
          offerId: row.decisionOfferId,
        })
      : undefined;
  const comparison = assessment
    ? { deviation: assessment.deviation, deviationReasons: assessment.deviationReasons }
    : {};
  return {
    change: {
      status: nextStatus(status, 'receiveAdvice'),
      adviceCaseId: advice.adviceCaseId,
      adviceLevel: advice.level,
      adviceOfferId: advice.offerId,
      adviceRationale: advice.rationale,
      adviceGivenAt: new Date(advice.givenAt),
      adviceOverdue: false,
      ...comparison,
      ...(assessment ? { followsAdvice: assessment.followsAdvice } : {}),
    },
    events: [
      event(ReferralAdviceReceived, {
        referralId: row.id,
        municipalityCode: row.municipalityCode,
        adviceCaseId: advice.adviceCaseId,
        level: advice.level,
        offerId: advice.offerId,
        ...comparison,
        ...(assessment?.followsAdvice != null ? { followsAdvice: assessment.followsAdvice } : {}),
      }),
    ],
  };
}
