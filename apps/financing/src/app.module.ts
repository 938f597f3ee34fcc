import { Module } from '@nestjs/common';
import { defineService } from '@platform/kit';
import { BlockGrantModule } from './block-grant/block-grant.module';
import { CaseTraceModule } from './case-trace/case-trace.module';
import { CoFinancingModule } from './co-financing/co-financing.module';
import { financingConfigSchema } from './config/financing.config';
import { CostModule } from './cost/cost.module';
import { PrismaService } from './database/prisma.service';
import { IntakeConsumerModule } from './intake/intake-consumer.module';
import { RateModule } from './rate/rate.module';
import { RefusionModule } from './refusion/refusion.module';
import { ReportModule } from './report/report.module';
import { RiskCapitalModule } from './risk-capital/risk-capital.module';
import { RuleSetModule } from './rule-set/rule-set.module';

/** The capabilities of the financing service, one module each; the kit (libs/kit) supplies what they share. */
@Module({
  imports: [
    IntakeConsumerModule,
    RuleSetModule,
    RateModule,
    CostModule,
    RefusionModule,
    CoFinancingModule,
    BlockGrantModule,
    ReportModule,
    RiskCapitalModule,
    CaseTraceModule,
  ],
})
export class AppModule {}

export const financingService = defineService({
  name: 'financing',
  port: 3004,
  module: AppModule,
  database: PrismaService,
  config: financingConfigSchema,
  openApi: {
    title: 'Financing API (finansiering)',
    description:
      'Rule sets per year (regelsæt), rates (takster), cost lines accrued monthly from placements, state refusion ' +
      'for particularly expensive single cases (SEL § 176 / Barnets lov § 198) with a what-if under another rule ' +
      'set, co-financing invoices (medfinansiering), block grants (bloktilskud), knowledge funding and risk-willing ' +
      'capital. Amounts are integer øre (1 kr = 100 øre); the funding stream is financing.funding.v1.',
    version: '1',
    problemTypes: {
      'idempotency-key-in-use': 'a request with this Idempotency-Key is still running after a wait (409)',
      'idempotency-key-reused': 'this Idempotency-Key was used for a different request (422)',
    },
  },
});
