import { Module } from '@nestjs/common';
import { LedgerModule } from '../cost/ledger.module';
import { IntakeModule } from '../intake/intake.module';
import { RateController } from './rate.controller';
import { RateService } from './rate.service';

/** Rates (takster) per offer and year; a rate set re-accrues its offer's cost lines (LedgerModule). */
@Module({
  imports: [IntakeModule, LedgerModule],
  controllers: [RateController],
  providers: [RateService],
  exports: [LedgerModule],
})
export class RateModule {}
