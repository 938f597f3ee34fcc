import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { OfferUpdated, ResponsibilityChanged } from '@platform/contracts';
import { OnEvent, type InboundEvent } from '@platform/messaging';
import type { Tx } from '../database/prisma.service';
import { OfferRepository } from './offer.repository';
import { ResponsibilityRepository } from './responsibility.repository';

/** Keeps the read models of offers and responsibility in step with specialty planning, once per event. */
@Controller()
export class PlanningConsumer {
  constructor(
    private readonly offers: OfferRepository,
    private readonly responsibility: ResponsibilityRepository,
  ) {}

  @OnEvent(OfferUpdated)
  onOffer(@Payload() { tx, data }: InboundEvent<typeof OfferUpdated, Tx>): Promise<void> {
    return this.offers.upsert(tx, data);
  }

  @OnEvent(ResponsibilityChanged)
  onResponsibility(@Payload() { tx, data }: InboundEvent<typeof ResponsibilityChanged, Tx>): Promise<void> {
    return this.responsibility.upsert(tx, data);
  }
}
