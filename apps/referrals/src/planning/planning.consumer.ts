import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { OfferUpdated, ResponsibilityChanged, TOPICS } from '@platform/contracts';
import { deliveryFrom, InboxProcessor, on } from '@platform/messaging';
import type { Tx } from '../database/prisma.service';
import { OfferRepository } from './offer.repository';
import { ResponsibilityRepository } from './responsibility.repository';

/** Keeps the read models of offers and responsibility in step with specialty planning, idempotently. */
@Controller()
export class PlanningConsumer {
  constructor(
    private readonly inbox: InboxProcessor,
    private readonly offers: OfferRepository,
    private readonly responsibility: ResponsibilityRepository,
  ) {}

  @EventPattern(TOPICS.offer)
  async onOffer(@Ctx() context: KafkaContext): Promise<void> {
    await this.inbox.process(deliveryFrom(context), [
      on(OfferUpdated, (tx: Tx, data) => this.offers.upsert(tx, data)),
    ]);
  }

  @EventPattern(TOPICS.plan)
  async onPlan(@Ctx() context: KafkaContext): Promise<void> {
    await this.inbox.process(deliveryFrom(context), [
      on(ResponsibilityChanged, (tx: Tx, data) => this.responsibility.upsert(tx, data)),
    ]);
  }
}
