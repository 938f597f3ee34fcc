import { Module } from '@nestjs/common';
import { IntakeModule } from '../intake/intake.module';
import { RateController } from './rate.controller';
import { RateRepository } from './rate.repository';
import { RateService } from './rate.service';

/** Rates (takster) per offer and year. */
@Module({
  imports: [IntakeModule],
  controllers: [RateController],
  providers: [RateRepository, RateService],
  exports: [RateRepository],
})
export class RateModule {}
