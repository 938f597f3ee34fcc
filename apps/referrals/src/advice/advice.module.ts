import { Module } from '@nestjs/common';
import { ReferralModule } from '../referral/referral.module';
import { AdviceOverdueScheduler } from './advice-overdue.scheduler';
import { AdviceConsumer } from './advice.consumer';
import { AdviceService } from './advice.service';

/** Advice from knowledge and the advice deadline (rule 3). */
@Module({
  imports: [ReferralModule],
  controllers: [AdviceConsumer],
  providers: [AdviceService, AdviceOverdueScheduler],
  exports: [AdviceService],
})
export class AdviceModule {}
