import { Module } from '@nestjs/common';
import { PlanningModule } from '../planning/planning.module';
import { ReferralModule } from '../referral/referral.module';
import { OperatorController } from './operator.controller';
import { OperatorService } from './operator.service';

/** The operator's worklist, acceptance with capacity, and placements. */
@Module({
  imports: [ReferralModule, PlanningModule],
  controllers: [OperatorController],
  providers: [OperatorService],
})
export class OperatorModule {}
