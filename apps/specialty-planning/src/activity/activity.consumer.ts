import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  AdviceGiven,
  PlacementEnded,
  PlacementStarted,
  ReferralAccepted,
  ReferralAdviceReceived,
  ReferralCreated,
  ReferralDecided,
  ReferralRejected,
  ReferralSentToOffer,
  ReferralSubmitted,
  ReferralWithdrawn,
} from '@platform/contracts';
import { OnEvent, type InboundEvent } from '@platform/messaging';
import type { Tx } from '../database/prisma.service';
import { ActivityRepository } from './activity.repository';
import { OccupancyHistory } from './occupancy-history.repository';

/**
 * Follows the referrals (and the advice given on them) through the inbox, once per event id, into the activity
 * read model that occupancy, function volumes and needs analyses count from. One handler per event type for the
 * whole service: the capabilities read the model, they do not consume the events themselves.
 */
@Controller()
export class ActivityConsumer {
  constructor(
    private readonly activity: ActivityRepository,
    private readonly history: OccupancyHistory,
  ) {}

  /**
   * Applies a status change and records the occupancy of the offer the referral held before and holds after
   * (a new decision may move it to another offer), in the inbox's transaction.
   */
  private async tracked(tx: Tx, referralId: string, apply: () => Promise<void>): Promise<void> {
    const before = await this.activity.offerOf(tx, referralId);
    await apply();
    await this.history.record(tx, [before, await this.activity.offerOf(tx, referralId)]);
  }

  @OnEvent(ReferralCreated)
  created(@Payload() { tx, data }: InboundEvent<typeof ReferralCreated, Tx>) {
    return this.activity.created(tx, data);
  }

  @OnEvent(ReferralSubmitted)
  submitted(@Payload() { tx, data }: InboundEvent<typeof ReferralSubmitted, Tx>) {
    return this.tracked(tx, data.referralId, () => this.activity.setStatus(tx, data, 'SUBMITTED'));
  }

  @OnEvent(ReferralDecided)
  decided(@Payload() { tx, data }: InboundEvent<typeof ReferralDecided, Tx>) {
    return this.tracked(tx, data.referralId, () => this.activity.decided(tx, data));
  }

  @OnEvent(ReferralAdviceReceived)
  adviceReceived(@Payload() { tx, data }: InboundEvent<typeof ReferralAdviceReceived, Tx>) {
    return this.activity.lateDeviation(tx, data);
  }

  @OnEvent(ReferralSentToOffer)
  sent(@Payload() { tx, data }: InboundEvent<typeof ReferralSentToOffer, Tx>) {
    return this.tracked(tx, data.referralId, () => this.activity.setStatus(tx, data, 'SENT', data.offerId));
  }

  @OnEvent(ReferralAccepted)
  accepted(@Payload() { tx, data }: InboundEvent<typeof ReferralAccepted, Tx>) {
    return this.tracked(tx, data.referralId, () =>
      this.activity.setStatus(tx, data, 'ACCEPTED', data.offerId),
    );
  }

  @OnEvent(ReferralRejected)
  rejected(@Payload() { tx, data, event }: InboundEvent<typeof ReferralRejected, Tx>) {
    return this.tracked(tx, data.referralId, () => this.activity.rejected(tx, event.id, data, event.time));
  }

  @OnEvent(PlacementStarted)
  placementStarted(@Payload() { tx, data }: InboundEvent<typeof PlacementStarted, Tx>) {
    return this.tracked(tx, data.referralId, () => this.activity.placementStarted(tx, data));
  }

  @OnEvent(PlacementEnded)
  placementEnded(@Payload() { tx, data }: InboundEvent<typeof PlacementEnded, Tx>) {
    return this.tracked(tx, data.referralId, () => this.activity.placementEnded(tx, data));
  }

  @OnEvent(ReferralWithdrawn)
  withdrawn(@Payload() { tx, data }: InboundEvent<typeof ReferralWithdrawn, Tx>) {
    return this.tracked(tx, data.referralId, () => this.activity.setStatus(tx, data, 'WITHDRAWN'));
  }

  @OnEvent(AdviceGiven)
  adviceGiven(@Payload() { tx, data }: InboundEvent<typeof AdviceGiven, Tx>) {
    return this.activity.adviceGiven(tx, data);
  }
}
