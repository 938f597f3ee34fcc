import { Module } from '@nestjs/common';
import { EnvironmentModule } from '../environment/environment.module';
import { GuidelineModule } from '../guideline/guideline.module';
import { MetricsModule } from '../metrics/metrics.module';
import { AdviceCaseCommands } from './advice-case-commands.service';
import { AdviceCaseOpening } from './advice-case-opening';
import { AdviceCaseUpkeep } from './advice-case-upkeep.service';
import { AdviceCaseConsumer } from './advice-case.consumer';
import { AdviceCaseController } from './advice-case.controller';
import { AdviceCaseRepository } from './advice-case.repository';
import { AdviceCaseService } from './advice-case.service';
import { AdviceOverdueScheduler } from './advice-overdue.scheduler';
import { DeadlineRuleController } from './deadline-rule.controller';
import { DeadlineRuleRepository } from './deadline-rule.repository';

/** Advice cases (rådgivningssager): opening, assignment, deadlines in working days, advice (rules 3 and 4). */
@Module({
  imports: [EnvironmentModule, GuidelineModule, MetricsModule],
  controllers: [AdviceCaseController, DeadlineRuleController, AdviceCaseConsumer],
  providers: [
    AdviceCaseRepository,
    AdviceCaseService,
    AdviceCaseOpening,
    AdviceCaseCommands,
    AdviceCaseUpkeep,
    AdviceOverdueScheduler,
    DeadlineRuleRepository,
  ],
})
export class AdviceCaseModule {}
