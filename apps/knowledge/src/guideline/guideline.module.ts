import { Module } from '@nestjs/common';
import { EnvironmentModule } from '../environment/environment.module';
import { GuidelineController } from './guideline.controller';
import { GuidelineRepository } from './guideline.repository';
import { GuidelineService } from './guideline.service';

/** Guidelines and pathway descriptions: versioned, published after state approval, searchable (Danish). */
@Module({
  imports: [EnvironmentModule],
  controllers: [GuidelineController],
  providers: [GuidelineRepository, GuidelineService],
  exports: [GuidelineRepository],
})
export class GuidelineModule {}
