import { Module } from '@nestjs/common';
import { ActivityModule } from '../activity/activity.module';
import { OfferModule } from '../offer/offer.module';
import { ApplicationController } from './application/application.controller';
import { ApplicationRepository } from './application/application.repository';
import { ApplicationService } from './application/application.service';
import { FunctionExpiryScheduler } from './expiry/function-expiry.scheduler';
import { FunctionExpiryService } from './expiry/function-expiry.service';
import { FunctionVolumes } from './function-volume';
import { FunctionController } from './function.controller';
import { FunctionRepository } from './function.repository';
import { FunctionService } from './function.service';

/**
 * Approved functions (specialfunktioner, rådgivningsfunktioner) and the applications for them: validity,
 * expiry announcements, and the minimum-volume flag from the activity read model. The plan capability writes
 * its approved entries through FunctionRepository.
 */
@Module({
  imports: [ActivityModule, OfferModule],
  controllers: [FunctionController, ApplicationController],
  providers: [
    FunctionRepository,
    FunctionService,
    FunctionVolumes,
    ApplicationRepository,
    ApplicationService,
    FunctionExpiryService,
    FunctionExpiryScheduler,
  ],
  exports: [FunctionRepository],
})
export class FunctionModule {}
