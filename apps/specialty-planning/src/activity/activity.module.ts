import { Module } from '@nestjs/common';
import { ActivityConsumer } from './activity.consumer';
import { ActivityRepository } from './activity.repository';
import { OccupancyHistory } from './occupancy-history.repository';

/**
 * What happens to referrals, as far as planning needs it (occupancy, function volumes, demand), from the referral
 * and advice events, with each offer's occupancy over time (OccupancyHistory). The other capabilities read it
 * through ActivityRepository and OccupancyHistory.
 */
@Module({
  controllers: [ActivityConsumer],
  providers: [ActivityRepository, OccupancyHistory],
  exports: [ActivityRepository, OccupancyHistory],
})
export class ActivityModule {}
