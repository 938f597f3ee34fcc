import { Module } from '@nestjs/common';
import { IntakeModule } from '../intake/intake.module';
import { RateRepository } from '../rate/rate.repository';
import { CostLedger } from './cost-ledger.service';
import { CostLineRepository } from './cost-line.repository';

/**
 * The cost ledger and what it accrues from: placements (intake), rates. Its own module, because the facts that
 * move the ledger arrive in intake (events) and in rates (the operator's command), and both write through it.
 */
@Module({
  imports: [IntakeModule],
  providers: [RateRepository, CostLineRepository, CostLedger],
  exports: [RateRepository, CostLineRepository, CostLedger],
})
export class LedgerModule {}
