import { Inject, Injectable } from '@nestjs/common';
import { IntervalJob } from '@platform/kit';
import { PLANNING_CONFIG, type PlanningConfig } from '../../config/planning.config';
import { FunctionExpiryService } from './function-expiry.service';

/**
 * Announces expiring functions every FUNCTION_EXPIRY_SCAN_MS (several instances may run: rows are SKIP LOCKED);
 * `off` leaves the timer off, for a test that runs the scan itself (`run`).
 */
@Injectable()
export class FunctionExpiryScheduler extends IntervalJob {
  constructor(
    private readonly expiry: FunctionExpiryService,
    @Inject(PLANNING_CONFIG) config: PlanningConfig,
  ) {
    super({
      name: 'FunctionExpiryScheduler',
      what: 'expiry scan',
      everyMs: config.FUNCTION_EXPIRY_SCAN_MS,
    });
  }

  protected tick(): Promise<number> {
    return this.run();
  }

  /** One scan now: what the timer runs, and what a test calls. */
  run(today?: string): Promise<number> {
    return this.expiry.announceExpiring(today);
  }
}
