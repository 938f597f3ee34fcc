import { Module } from '@nestjs/common';
import { defineService } from '@platform/kit';
import { AdviceCaseModule } from './advice-case/advice-case.module';
import { knowledgeConfigSchema } from './config/knowledge.config';
import { PrismaService } from './database/prisma.service';
import { EnvironmentModule } from './environment/environment.module';
import { GuidelineModule } from './guideline/guideline.module';
import { MetricsModule } from './metrics/metrics.module';

/** The capabilities of the knowledge service, one module each; the kit (libs/kit) supplies what they share. */
@Module({ imports: [EnvironmentModule, AdviceCaseModule, GuidelineModule, MetricsModule] })
export class AppModule {}

export const knowledgeService = defineService({
  name: 'knowledge',
  port: 3003,
  module: AppModule,
  database: PrismaService,
  config: knowledgeConfigSchema,
  openApi: {
    title: 'Knowledge API (vidensmiljøer og rådgivning)',
    description:
      'Knowledge environments (vidensmiljøer), advice cases (rådgivningssager) with deadlines in working days, ' +
      'guidelines and pathway descriptions (visitationsretningslinjer, forløbsbeskrivelser), and volume metrics.',
    version: '1',
    problemTypes: {
      'invalid-transition': 'the command is not allowed in the current status (`currentStatus`, `allowed`)',
      'cannot-decline': 'the national advisory function is the last in the order and cannot decline',
      'already-assigned': 'the case is assigned to this function already',
      'case-exists': 'the referral has an advice case already (`adviceCaseId` for its own municipality)',
      'draft-exists': 'the guideline has a draft version already (`version`)',
      'idempotency-key-in-use': 'a request with this Idempotency-Key is still running after a wait (409)',
      'idempotency-key-reused': 'this Idempotency-Key was used for a different request (422)',
    },
  },
});
