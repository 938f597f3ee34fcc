import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  ReferralAdviceReceived,
  ReferralAdviceRequired,
  ReferralDecided,
  ReferralWithdrawn,
} from '@platform/contracts';
import { OnEvent, type InboundEvent } from '@platform/messaging';
import type { Tx } from '../database/prisma.service';
import { AdviceCaseOpening } from './advice-case-opening';
import { AdviceCaseUpkeep } from './advice-case-upkeep.service';

/** The referral events knowledge follows (referrals.referral.v1), each applied once through the inbox. */
@Controller()
export class AdviceCaseConsumer {
  constructor(
    private readonly opening: AdviceCaseOpening,
    private readonly upkeep: AdviceCaseUpkeep,
  ) {}

  /** A referral needs advice (rule 3): its case is opened and assigned, once per referral. */
  @OnEvent(ReferralAdviceRequired)
  async adviceRequired(
    @Payload() { tx, data }: InboundEvent<typeof ReferralAdviceRequired, Tx>,
  ): Promise<void> {
    await this.opening.fromReferral(tx, data);
  }

  @OnEvent(ReferralDecided)
  decided(@Payload() { tx, data }: InboundEvent<typeof ReferralDecided, Tx>): Promise<void> {
    return this.upkeep.decided(tx, data);
  }

  @OnEvent(ReferralAdviceReceived)
  adviceReceived(@Payload() { tx, data }: InboundEvent<typeof ReferralAdviceReceived, Tx>): Promise<void> {
    return this.upkeep.adviceReceived(tx, data);
  }

  @OnEvent(ReferralWithdrawn)
  withdrawn(@Payload() { tx, data }: InboundEvent<typeof ReferralWithdrawn, Tx>): Promise<void> {
    return this.upkeep.withdrawn(tx, data.referralId);
  }
}
