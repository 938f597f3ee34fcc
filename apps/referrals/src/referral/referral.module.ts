import { Module } from '@nestjs/common';
import { PlanningModule } from '../planning/planning.module';
import { ReferralCommands } from './referral-commands.service';
import { ReferralTransitions } from './referral-transitions';
import { ReferralController } from './referral.controller';
import { ReferralRepository } from './referral.repository';
import { ReferralService } from './referral.service';

/** Creating, reading, submitting and withdrawing referrals; the transition runner every command uses. */
@Module({
  imports: [PlanningModule],
  controllers: [ReferralController],
  providers: [ReferralService, ReferralRepository, ReferralTransitions, ReferralCommands],
  exports: [ReferralService, ReferralRepository, ReferralTransitions],
})
export class ReferralModule {}
