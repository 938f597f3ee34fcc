import { Module } from '@nestjs/common';
import { CostModule } from '../cost/cost.module';
import { IntakeModule } from '../intake/intake.module';
import { RuleSetModule } from '../rule-set/rule-set.module';
import { ClaimAccess } from './claim-access';
import { RefusionExportController } from './refusion-export.controller';
import { RefusionController } from './refusion.controller';
import { RefusionRepository } from './refusion.repository';
import { RefusionService } from './refusion.service';
import { SettlementController } from './settlement.controller';
import { SettlementRepository } from './settlement.repository';
import { SettlementService } from './settlement.service';

/**
 * Refusion for particularly expensive single cases: entries, quarterly claims, what-if, the state's decision,
 * the year-end settlement, and the claims' exports.
 */
@Module({
  imports: [CostModule, IntakeModule, RuleSetModule],
  controllers: [RefusionController, SettlementController, RefusionExportController],
  providers: [ClaimAccess, RefusionRepository, RefusionService, SettlementRepository, SettlementService],
})
export class RefusionModule {}
