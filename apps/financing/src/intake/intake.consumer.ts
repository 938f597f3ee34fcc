import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  FunctionApproved,
  NeedsAnalysisGap,
  OfferUpdated,
  PlacementEnded,
  PlacementStarted,
  ReferralAdviceReceived,
  ReferralDecided,
  ResponsibilityChanged,
  type CloudEvent,
} from '@platform/contracts';
import { todayInDenmark } from '@platform/domain';
import { OnEvent, type InboundEvent } from '@platform/messaging';
import { CostLedger } from '../cost/cost-ledger.service';
import type { Tx } from '../database/prisma.service';
import { IntakeRepository } from './intake.repository';

/** The Danish day an event happened (its CloudEvents time). */
const dayOf = (event: CloudEvent) => todayInDenmark(new Date(event.time));

/**
 * Financing's read models from specialty planning (offers, responsibility, advisory functions, needs gaps) and
 * referrals (placements with their advice facts), each event applied once (the inbox) and idempotently. A fact
 * that moves money (a placement, its end, a responsibility change, an offer's operator or address) re-accrues
 * the stored cost lines it touches in the same transaction, so the lines and the fact commit together.
 */
@Controller()
export class IntakeConsumer {
  constructor(
    private readonly intake: IntakeRepository,
    private readonly ledger: CostLedger,
  ) {}

  @OnEvent(OfferUpdated)
  async offer(@Payload() { tx, data }: InboundEvent<typeof OfferUpdated, Tx>): Promise<void> {
    await this.intake.upsertOffer(tx, data);
    await this.ledger.reaccrue(tx, { offerId: data.offerId });
  }

  @OnEvent(ResponsibilityChanged)
  async responsibility(
    @Payload() { tx, data }: InboundEvent<typeof ResponsibilityChanged, Tx>,
  ): Promise<void> {
    await this.intake.responsibility(tx, data);
    await this.ledger.reaccrue(
      tx,
      { targetGroup: data.targetGroup },
      { from: data.effectiveFrom.slice(0, 7) },
    );
  }

  /** An approved advisory function accrues knowledge funding on its offer's rates (rule 8). */
  @OnEvent(FunctionApproved)
  async advisoryFunction(@Payload() { tx, data }: InboundEvent<typeof FunctionApproved, Tx>): Promise<void> {
    if (data.functionType === 'ADVISORY_FUNCTION') await this.intake.advisoryFunction(tx, data);
  }

  /** A needs-analysis gap a region may apply for risk capital for. */
  @OnEvent(NeedsAnalysisGap)
  gap(@Payload() { tx, data }: InboundEvent<typeof NeedsAnalysisGap, Tx>): Promise<void> {
    return this.intake.gap(tx, data);
  }

  /** A decision ahead of advice (urgent): the rule set's advice deadline runs from its day. */
  @OnEvent(ReferralDecided)
  async decided(@Payload() { tx, data, event }: InboundEvent<typeof ReferralDecided, Tx>): Promise<void> {
    if (data.decidedBeforeAdvice) await this.intake.urgentDecision(tx, data.referralId, dayOf(event));
  }

  @OnEvent(PlacementStarted)
  async started(@Payload() { tx, data }: InboundEvent<typeof PlacementStarted, Tx>): Promise<void> {
    await this.intake.placementStarted(tx, data);
    await this.ledger.reaccrue(tx, { referralIds: [data.referralId] });
  }

  @OnEvent(PlacementEnded)
  async ended(@Payload() { tx, data }: InboundEvent<typeof PlacementEnded, Tx>): Promise<void> {
    await this.intake.placementEnded(tx, data.referralId, data.endDate);
    await this.ledger.reaccrue(tx, { referralIds: [data.referralId] });
  }

  @OnEvent(ReferralAdviceReceived)
  advice(@Payload() { tx, data, event }: InboundEvent<typeof ReferralAdviceReceived, Tx>): Promise<void> {
    return this.intake.adviceReceived(tx, data.referralId, data.followsAdvice, data.deviation, dayOf(event));
  }
}
