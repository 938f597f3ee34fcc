import { Module } from '@nestjs/common';
import { OfferStoreModule } from './offer-store.module';
import { OfferController } from './offer.controller';

/** The routes of /api/v1/offers (GET /offers/:id among them). */
@Module({ imports: [OfferStoreModule], controllers: [OfferController] })
export class OfferApiModule {}
