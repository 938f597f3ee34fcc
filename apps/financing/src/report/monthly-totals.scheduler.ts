import { Inject, Injectable } from '@nestjs/common';
import { todayInDenmark } from '@platform/domain';
import { CommandRunner, IntervalJob } from '@platform/kit';
import { MonthlyTotalsPublisher } from './monthly-totals.service';
import { closedMonths, type CostTotal } from './report.domain';
import { FINANCING_CONFIG, type FinancingConfig } from '../config/financing.config';

/** How many closed months back the job looks, so a month a late fact corrected is published again. */
const LOOKBACK_MONTHS = 3;

/**
 * Publishes each closed month's cost totals per payer on the funding stream (COST_TOTALS_SCAN_MS, hourly by
 * default): the last few closed months, each payer's totals once (MonthlyTotalsPublisher keeps what it
 * published), so a restart, a second instance or a run after the state's own publish adds nothing.
 */
@Injectable()
export class MonthlyTotalsScheduler extends IntervalJob {
  constructor(
    private readonly publisher: MonthlyTotalsPublisher,
    private readonly runner: CommandRunner,
    @Inject(FINANCING_CONFIG) config: FinancingConfig,
  ) {
    super({
      name: 'MonthlyTotalsScheduler',
      what: 'monthly totals',
      everyMs: config.COST_TOTALS_SCAN_MS,
    });
  }

  protected tick(): Promise<CostTotal[]> {
    return this.run();
  }

  /** One run now: the closed months before `today`'s month (Danish time); the totals published. */
  async run(today: string = todayInDenmark(), lookback = LOOKBACK_MONTHS): Promise<CostTotal[]> {
    const published: CostTotal[] = [];
    for (const month of closedMonths(today, lookback))
      published.push(...(await this.publisher.publish(this.runner.system, month)));
    return published;
  }
}
