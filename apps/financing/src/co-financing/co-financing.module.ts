import { Module } from '@nestjs/common';
import { CostModule } from '../cost/cost.module';
import { IntakeModule } from '../intake/intake.module';
import { RuleSetModule } from '../rule-set/rule-set.module';
import { CoFinancingController } from './co-financing.controller';
import { CoFinancingRepository } from './co-financing.repository';
import { CoFinancingService } from './co-financing.service';

/** Co-financing invoices (medfinansiering), rule 7. */
@Module({
  imports: [CostModule, IntakeModule, RuleSetModule],
  controllers: [CoFinancingController],
  providers: [CoFinancingRepository, CoFinancingService],
})
export class CoFinancingModule {}
