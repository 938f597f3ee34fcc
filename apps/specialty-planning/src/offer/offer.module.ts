import { Module } from '@nestjs/common';
import { HsdsModule } from '../hsds/hsds.module';
import { OfferApiModule } from './offer-api.module';
import { OfferStoreModule } from './offer-store.module';

/**
 * The offer directory (the Tilbudsportalen role): offers, places, location-less interventions, search, HSDS.
 * Exports OfferDirectory (through OfferStoreModule) for plans, functions, takeovers and needs analyses.
 * HsdsModule comes before OfferApiModule: Nest registers routes in module order, and `/offers/hsds` must be
 * matched before `/offers/:id`.
 */
@Module({
  imports: [OfferStoreModule, HsdsModule, OfferApiModule],
  exports: [OfferStoreModule],
})
export class OfferModule {}
