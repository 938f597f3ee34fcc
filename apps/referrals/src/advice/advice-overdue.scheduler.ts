import { Inject, Injectable } from '@nestjs/common';
import { IntervalJob } from '@platform/kit';
import { REFERRALS_CONFIG, type ReferralsConfig } from '../config/referrals.config';
import { AdviceService } from './advice.service';

/** Looks for passed advice deadlines at a fixed interval (several instances may run: rows are SKIP LOCKED). */
@Injectable()
export class AdviceOverdueScheduler extends IntervalJob {
  constructor(
    private readonly advice: AdviceService,
    @Inject(REFERRALS_CONFIG) config: ReferralsConfig,
  ) {
    super({ name: 'AdviceOverdueScheduler', what: 'overdue scan', everyMs: config.ADVICE_OVERDUE_SCAN_MS });
  }

  protected tick(): Promise<unknown> {
    return this.advice.flagOverdue();
  }
}
