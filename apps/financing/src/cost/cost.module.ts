import { Module } from '@nestjs/common';
import { IntakeModule } from '../intake/intake.module';
import { RateModule } from '../rate/rate.module';
import { CostController } from './cost.controller';
import { CostService } from './cost.service';

/** Cost lines, accrued monthly from placements, rates and responsibility. */
@Module({
  imports: [IntakeModule, RateModule],
  controllers: [CostController],
  providers: [CostService],
  exports: [CostService],
})
export class CostModule {}
