import { Module } from '@nestjs/common';
import { ActivityConsumer } from './activity.consumer';
import { ActivityRepository } from './activity.repository';

/**
 * What happens to referrals, as far as planning needs it (occupancy, function volumes, demand), from the referral
 * and advice events. The other capabilities read it through ActivityRepository.
 */
@Module({ controllers: [ActivityConsumer], providers: [ActivityRepository], exports: [ActivityRepository] })
export class ActivityModule {}
