import { Module } from '@nestjs/common';
import { CostModule } from '../cost/cost.module';
import { RuleSetModule } from '../rule-set/rule-set.module';
import { RefusionController } from './refusion.controller';
import { RefusionRepository } from './refusion.repository';
import { RefusionService } from './refusion.service';

/** Refusion for particularly expensive single cases: entries, quarterly claims, what-if, the state's decision. */
@Module({
  imports: [CostModule, RuleSetModule],
  controllers: [RefusionController],
  providers: [RefusionRepository, RefusionService],
})
export class RefusionModule {}
