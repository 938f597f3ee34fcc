import { Injectable, Logger } from '@nestjs/common';
import {
  ReferralAdviceOverdue,
  ReferralAdviceReceived,
  type AdviceGiven,
  type EventData,
} from '@platform/contracts';
import type { SpecialisationLevel } from '@platform/domain';
import { CommandRunner, UnitOfWork } from '@platform/kit';
import { event, PermanentEventError } from '@platform/messaging';
import type { Tx } from '../database/prisma.service';
import { isAdviceOverdue } from '../referral/domain/advice-deadline';
import { compareWithAdvice } from '../referral/domain/deviation';
import { allowedCommands, nextStatus } from '../referral/domain/referral-lifecycle';
import type { ReferralStatus } from '../referral/domain/referral-status';
import { ReferralRepository, type ReferralRow } from '../referral/referral.repository';
import { etagOf } from '../referral/referral.view';

type Advice = EventData<typeof AdviceGiven>;
type ReferralChange = Parameters<ReferralRepository['update']>[2];

/**
 * Advice (rådgivning) arriving from knowledge, and the deadline of advice that has not arrived. Both change
 * a referral, so both go through the command runner as the service itself (runner.system): the change, its
 * event and its audit record commit together, as for every change a caseworker makes (issue 7, finding 9).
 */
@Injectable()
export class AdviceService {
  private readonly logger = new Logger('AdviceService');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly runner: CommandRunner,
    private readonly referrals: ReferralRepository,
  ) {}

  /**
   * Records advice on its referral, in the inbox's transaction. Awaiting advice → ready for decision; an
   * urgent referral decided before advice keeps its status, and its follows-advice/deviation flags are
   * computed now (rule 4) and published with `advice-received`, so financing and the state see a deviation.
   */
  async receive(tx: Tx, advice: Advice): Promise<void> {
    await this.runner.run<ReferralRow, ReferralChange, ReferralRow, Tx>({
      principal: this.runner.system,
      tx,
      ifMatch: undefined,
      resource: { type: 'referral', id: advice.referralId },
      action: 'referral.receive-advice',
      purpose: 'visitation',
      load: async (t) => {
        const row = await this.referrals.lockInScope(t, advice.referralId, {
          municipalityCode: advice.municipalityCode,
        });
        if (!row) throw new PermanentEventError(`advice ${advice.adviceCaseId} names an unknown referral`);
        return row;
      },
      etag: etagOf,
      citizenPseudonym: (row) => row.citizenPseudonym,
      transition: (row) => adviceTransition(row, advice),
      save: (t, row, change) => this.referrals.update(t, row, change),
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
        const dueAt = row?.adviceDueAt;
        if (!row || !dueAt || !isAdviceOverdue({ adviceDueAt: dueAt, adviceGivenAt: row.adviceGivenAt, now }))
          continue;
        await this.runner.run<ReferralRow, ReferralChange, ReferralRow, Tx>({
          principal: this.runner.system,
          tx,
          ifMatch: undefined,
          resource: { type: 'referral', id },
          action: 'referral.flag-advice-overdue',
          purpose: 'visitation',
          load: async () => row, // locked above (FOR UPDATE SKIP LOCKED)
          etag: etagOf,
          citizenPseudonym: (r) => r.citizenPseudonym,
          transition: (r) => ({
            change: { adviceOverdue: true },
            events: [
              event(ReferralAdviceOverdue, {
                referralId: r.id,
                municipalityCode: r.municipalityCode,
                adviceDueAt: dueAt.toISOString(),
              }),
            ],
          }),
          save: (t, r, change) => this.referrals.update(t, r, change),
        });
        flaggedNow += 1;
      }
      return flaggedNow;
    });
    if (flagged) this.logger.log({ msg: 'advice overdue', referrals: flagged });
    return flagged;
  }
}

/** The advice on the row and, for a referral decided ahead of advice, the comparison with the decision. */
function adviceTransition(row: ReferralRow, advice: Advice) {
  const status = row.status as ReferralStatus;
  // Advice for a referral that is closed cannot become applicable by trying again: park it at once.
  if (!allowedCommands(status).includes('receiveAdvice'))
    throw new PermanentEventError(`advice ${advice.adviceCaseId} arrived for a referral in status ${status}`);
  const decided = row.decisionOfferId && row.decisionLevel;
  const assessment = decided
    ? compareWithAdvice(advice, {
        level: row.decisionLevel as SpecialisationLevel,
        offerId: row.decisionOfferId!,
      })
    : undefined;
  const comparison = assessment
    ? {
        followsAdvice: assessment.followsAdvice ?? undefined,
        deviation: assessment.deviation,
        deviationReasons: assessment.deviationReasons,
      }
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
      ...(assessment
        ? {
            followsAdvice: assessment.followsAdvice,
            deviation: assessment.deviation,
            deviationReasons: assessment.deviationReasons,
          }
        : {}),
    },
    events: [
      event(ReferralAdviceReceived, {
        referralId: row.id,
        municipalityCode: row.municipalityCode,
        adviceCaseId: advice.adviceCaseId,
        level: advice.level,
        offerId: advice.offerId,
        ...comparison,
      }),
    ],
  };
}
