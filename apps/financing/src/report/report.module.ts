import { Module } from '@nestjs/common';
import { CostModule } from '../cost/cost.module';
import { RuleSetModule } from '../rule-set/rule-set.module';
import { ReportController } from './report.controller';
import { MonthlyTotalsPublisher } from './monthly-totals.service';
import { MonthlyTotalsScheduler } from './monthly-totals.scheduler';
import { ReportRepository } from './report.repository';

/** Cost totals (JSON/CSV, and the funding stream's monthly totals, also on a schedule) and knowledge funding. */
@Module({
  imports: [CostModule, RuleSetModule],
  controllers: [ReportController],
  providers: [ReportRepository, MonthlyTotalsPublisher, MonthlyTotalsScheduler],
})
export class ReportModule {}
