import { Injectable } from '@nestjs/common';
import { IntervalJob } from '@platform/kit';
import { z } from 'zod';
import { FunctionExpiryService } from './function-expiry.service';

const HOUR_MS = 3_600_000;

/**
 * How often to look for expiring functions: FUNCTION_EXPIRY_SCAN_MS (default hourly: the rule is about days).
 * Under Jest the timer stays off unless the variable is set, so a test decides when the scan runs (it calls
 * FunctionExpiryScheduler.run) and a background scan never announces in the middle of another test's checks.
 */
export function expiryScanInterval(env: NodeJS.ProcessEnv = process.env): number | null {
  const raw = env.FUNCTION_EXPIRY_SCAN_MS;
  if (raw === undefined) return env.JEST_WORKER_ID === undefined ? HOUR_MS : null;
  const parsed = z.coerce.number().int().min(100).safeParse(raw);
  if (!parsed.success)
    throw new Error('Invalid configuration:\n  - FUNCTION_EXPIRY_SCAN_MS: an integer ≥ 100 (ms)');
  return parsed.data;
}

/** Announces expiring functions at a fixed interval (several instances may run: rows are SKIP LOCKED). */
@Injectable()
export class FunctionExpiryScheduler extends IntervalJob {
  constructor(private readonly expiry: FunctionExpiryService) {
    super({ name: 'FunctionExpiryScheduler', what: 'expiry scan', everyMs: expiryScanInterval() });
  }

  protected tick(): Promise<number> {
    return this.run();
  }

  /** One scan now: what the timer runs, and what a test calls. */
  run(today?: string): Promise<number> {
    return this.expiry.announceExpiring(today);
  }
}
