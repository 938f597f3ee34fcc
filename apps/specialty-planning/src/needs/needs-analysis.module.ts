import { Module } from '@nestjs/common';
import { ActivityModule } from '../activity/activity.module';
import { OfferModule } from '../offer/offer.module';
import { NeedsAnalysisController } from './needs-analysis.controller';
import { NeedsAnalysisRepository } from './needs-analysis.repository';
import { NeedsAnalysisService } from './needs-analysis.service';

/**
 * Needs analysis (behovsanalyse) per framework-agreement area and target group: demand from the referral events
 * against places, the gaps named, each gap an event (financing attaches risk-capital applications to it).
 */
@Module({
  imports: [ActivityModule, OfferModule],
  controllers: [NeedsAnalysisController],
  providers: [NeedsAnalysisRepository, NeedsAnalysisService],
})
export class NeedsAnalysisModule {}
