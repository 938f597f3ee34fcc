import { Module } from '@nestjs/common';
import { OfferStoreModule } from '../offer/offer-store.module';
import { HsdsController } from './hsds.controller';
import { HsdsService } from './hsds.service';

/** Import and export of an operator's offers as Open Referral HSDS 3.0, through the offer commands. */
@Module({ imports: [OfferStoreModule], controllers: [HsdsController], providers: [HsdsService] })
export class HsdsModule {}
