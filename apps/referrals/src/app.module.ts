import { Module } from '@nestjs/common';
import { defineService } from '@platform/kit';
import { AdviceModule } from './advice/advice.module';
import { CitizenModule } from './citizen/citizen.module';
import { checkReferralsConfig, referralsConfigSchema } from './config/referrals.config';
import { PrismaService } from './database/prisma.service';
import { DecisionModule } from './decision/decision.module';
import { OperatorModule } from './operator/operator.module';
import { PlanningModule } from './planning/planning.module';
import { ReferralModule } from './referral/referral.module';

/** The capabilities of the referrals service; the kit (libs/kit) supplies everything they share. */
@Module({
  imports: [CitizenModule, PlanningModule, ReferralModule, DecisionModule, OperatorModule, AdviceModule],
})
export class AppModule {}

export const referralsService = defineService({
  name: 'referrals',
  port: 3001,
  module: AppModule,
  database: PrismaService,
  config: referralsConfigSchema,
  checkConfig: checkReferralsConfig,
  openApi: {
    title: 'Referrals API (visitation)',
    description:
      'Binding referrals (forpligtende visitation) of citizens to highly specialised offers: municipalities create and decide, operators accept and run placements.',
    version: '1',
    problemTypes: {
      'invalid-transition': 'the command is not allowed in the current status (`currentStatus`, `allowed`)',
      'no-capacity': 'accept refused: every place of the offer is taken (`places`, `occupied`)',
      'idempotency-key-in-use': 'a request with this Idempotency-Key is still running after a wait (409)',
      'idempotency-key-reused': 'this Idempotency-Key was used for a different request (422)',
    },
  },
});
