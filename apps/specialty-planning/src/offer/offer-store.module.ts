import { Module } from '@nestjs/common';
import { ActivityModule } from '../activity/activity.module';
import { OfferCommands } from './offer-commands.service';
import { OfferDirectory } from './offer-directory';
import { OfferQuery } from './offer-query';
import { OfferReader } from './offer-reader.service';
import { OfferRepository } from './offer.repository';

/** The offer directory's state and commands, without routes: what the API, the HSDS import and others use. */
@Module({
  imports: [ActivityModule],
  providers: [OfferRepository, OfferQuery, OfferReader, OfferCommands, OfferDirectory],
  exports: [OfferRepository, OfferQuery, OfferReader, OfferCommands, OfferDirectory],
})
export class OfferStoreModule {}
