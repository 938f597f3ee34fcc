import { Module } from '@nestjs/common';
import { OfferRepository } from './offer.repository';
import { PlanningConsumer } from './planning.consumer';
import { ResponsibilityRepository } from './responsibility.repository';

/** Read models of specialty planning (offers with places, target-group responsibility). */
@Module({
  controllers: [PlanningConsumer],
  providers: [OfferRepository, ResponsibilityRepository],
  exports: [OfferRepository, ResponsibilityRepository],
})
export class PlanningModule {}
