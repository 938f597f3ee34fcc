import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type BeforeApplicationShutdown,
} from '@nestjs/common';
import { REFERRALS_CONFIG, type ReferralsConfig } from '../config/referrals.config';
import { AdviceService } from './advice.service';

/** Looks for passed advice deadlines at a fixed interval (several instances may run: rows are SKIP LOCKED). */
@Injectable()
export class AdviceOverdueScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('AdviceOverdueScheduler');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly advice: AdviceService,
    @Inject(REFERRALS_CONFIG) private readonly config: ReferralsConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.advice
        .flagOverdue()
        .catch((error: unknown) => this.logger.error({ msg: 'overdue scan failed', error: String(error) }));
    }, this.config.ADVICE_OVERDUE_SCAN_MS);
    this.timer.unref();
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
