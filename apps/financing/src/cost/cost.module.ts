import { Module } from '@nestjs/common';
import { IntakeModule } from '../intake/intake.module';
import { CostAccrualScheduler } from './cost-accrual.scheduler';
import { CostController } from './cost.controller';
import { CostService } from './cost.service';
import { LedgerModule } from './ledger.module';

/** Cost lines: stored by the ledger, read here; the monthly accrual job. */
@Module({
  imports: [IntakeModule, LedgerModule],
  controllers: [CostController],
  providers: [CostService, CostAccrualScheduler],
  exports: [CostService, LedgerModule],
})
export class CostModule {}
