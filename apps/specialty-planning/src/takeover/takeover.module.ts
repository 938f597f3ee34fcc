import { Module } from '@nestjs/common';
import { OfferModule } from '../offer/offer.module';
import { TakeoverController } from './takeover.controller';
import { TakeoverRepository } from './takeover.repository';
import { TakeoverService } from './takeover.service';

/** Takeover requests (SEL § 186, abolished; rule 5): recorded, rejected, ownership never changes. */
@Module({
  imports: [OfferModule],
  controllers: [TakeoverController],
  providers: [TakeoverRepository, TakeoverService],
})
export class TakeoverModule {}
