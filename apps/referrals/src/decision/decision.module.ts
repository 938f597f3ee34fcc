import { Module } from '@nestjs/common';
import { PlanningModule } from '../planning/planning.module';
import { ReferralModule } from '../referral/referral.module';
import { DecisionController } from './decision.controller';
import { DecisionService } from './decision.service';

/** The municipality's decision (afgørelse) and sending to the offer. */
@Module({
  imports: [ReferralModule, PlanningModule],
  controllers: [DecisionController],
  providers: [DecisionService],
})
export class DecisionModule {}
