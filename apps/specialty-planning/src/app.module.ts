import { Module } from '@nestjs/common';
import { defineService } from '@platform/kit';
import { ActivityModule } from './activity/activity.module';
import { planningConfigSchema } from './config/planning.config';
import { PrismaService } from './database/prisma.service';
import { FrameworkModule } from './framework/framework.module';
import { FunctionModule } from './function/function.module';
import { HsdsModule } from './hsds/hsds.module';
import { NeedsAnalysisModule } from './needs/needs-analysis.module';
import { OfferModule } from './offer/offer.module';
import { PlanModule } from './plan/plan.module';
import { ResponsibilityModule } from './responsibility/responsibility.module';
import { TakeoverModule } from './takeover/takeover.module';

/** The capabilities of the specialty-planning service, one module each; the kit (libs/kit) supplies what they share. */
@Module({
  imports: [
    ActivityModule,
    OfferModule,
    HsdsModule,
    ResponsibilityModule,
    PlanModule,
    FunctionModule,
    TakeoverModule,
    FrameworkModule,
    NeedsAnalysisModule,
  ],
})
export class AppModule {}

export const specialtyPlanningService = defineService({
  name: 'specialty-planning',
  port: 3002,
  module: AppModule,
  database: PrismaService,
  config: planningConfigSchema,
  // An operator's whole directory as one HSDS file: hundreds of offers, not one request's worth.
  bodyLimitsByPath: { '/api/v1/offers/hsds': '5mb' },
  openApi: {
    title: 'Specialty planning API (specialeplanlægning)',
    description:
      'The national specialty plan, the offer directory with places (the Tilbudsportalen role), function approvals, ' +
      'target-group responsibility, framework agreements and needs analyses. Regions and municipalities operate ' +
      'their offers; the state approves plans and functions and sets responsibility.',
    version: '1',
  },
});
