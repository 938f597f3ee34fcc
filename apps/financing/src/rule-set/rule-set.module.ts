import { Module } from '@nestjs/common';
import { RuleSetController } from './rule-set.controller';
import { RuleSetRepository } from './rule-set.repository';
import { RuleSetService } from './rule-set.service';

/** Rule sets per year, set by the state (DOMAIN rules 6 and 7). */
@Module({
  controllers: [RuleSetController],
  providers: [RuleSetRepository, RuleSetService],
  exports: [RuleSetRepository],
})
export class RuleSetModule {}
