import { Module } from '@nestjs/common';
import { FunctionModule } from '../function/function.module';
import { OfferModule } from '../offer/offer.module';
import { PlanController } from './plan.controller';
import { PlanRepository } from './plan.repository';
import { PlanService } from './plan.service';

/** The national specialty plan (specialeplan): versions, entries, consultation and approval (rule 1). */
@Module({
  imports: [OfferModule, FunctionModule],
  controllers: [PlanController],
  providers: [PlanRepository, PlanService],
})
export class PlanModule {}
