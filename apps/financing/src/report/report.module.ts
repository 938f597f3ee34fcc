import { Module } from '@nestjs/common';
import { CostModule } from '../cost/cost.module';
import { RuleSetModule } from '../rule-set/rule-set.module';
import { ReportController } from './report.controller';
import { ReportRepository } from './report.repository';

/** Cost totals (JSON/CSV, and the funding stream's monthly totals) and knowledge funding. */
@Module({
  imports: [CostModule, RuleSetModule],
  controllers: [ReportController],
  providers: [ReportRepository],
})
export class ReportModule {}
