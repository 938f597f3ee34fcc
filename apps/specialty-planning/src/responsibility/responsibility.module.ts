import { Module } from '@nestjs/common';
import { ResponsibilityController } from './responsibility.controller';
import { ResponsibilityRepository } from './responsibility.repository';
import { ResponsibilityService } from './responsibility.service';

/**
 * Target groups and the responsibility timeline (rule 2): each group MUNICIPAL or REGIONAL from an effective
 * date, set by the state only, never retroactively over decided placements; every change is an event.
 */
@Module({
  controllers: [ResponsibilityController],
  providers: [ResponsibilityRepository, ResponsibilityService],
  exports: [ResponsibilityService],
})
export class ResponsibilityModule {}
