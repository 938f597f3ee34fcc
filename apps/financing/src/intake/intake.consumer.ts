import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  FunctionApproved,
  NeedsAnalysisGap,
  OfferUpdated,
  PlacementEnded,
  PlacementStarted,
  ReferralAdviceReceived,
  ResponsibilityChanged,
} from '@platform/contracts';
import { OnEvent, type InboundEvent } from '@platform/messaging';
import type { Tx } from '../database/prisma.service';
import { IntakeRepository } from './intake.repository';

/**
 * Financing's read models from specialty planning (offers, responsibility, advisory functions, needs gaps) and referrals (placements with their
 * advice facts), each event applied once (the inbox) and idempotently.
 */
@Controller()
export class IntakeConsumer {
  constructor(private readonly intake: IntakeRepository) {}

  @OnEvent(OfferUpdated)
  offer(@Payload() { tx, data }: InboundEvent<typeof OfferUpdated, Tx>): Promise<void> {
    return this.intake.upsertOffer(tx, data);
  }

  @OnEvent(ResponsibilityChanged)
  responsibility(@Payload() { tx, data }: InboundEvent<typeof ResponsibilityChanged, Tx>): Promise<void> {
    return this.intake.responsibility(tx, data);
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

  @OnEvent(PlacementStarted)
  started(@Payload() { tx, data }: InboundEvent<typeof PlacementStarted, Tx>): Promise<void> {
    return this.intake.placementStarted(tx, data);
  }

  @OnEvent(PlacementEnded)
  ended(@Payload() { tx, data }: InboundEvent<typeof PlacementEnded, Tx>): Promise<void> {
    return this.intake.placementEnded(tx, data.referralId, data.endDate);
  }

  @OnEvent(ReferralAdviceReceived)
  advice(@Payload() { tx, data }: InboundEvent<typeof ReferralAdviceReceived, Tx>): Promise<void> {
    return this.intake.adviceReceived(tx, data.referralId, data.followsAdvice, data.deviation);
  }
}
