import { Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';

export interface IntervalJobOptions {
  /** The logger context: the scheduler's class name. */
  name: string;
  /** What one run does, for the log line of a failed run: `overdue scan` → "overdue scan failed". */
  what: string;
  /** Milliseconds between runs; null leaves the timer off (a test then runs the job itself). */
  everyMs: number | null;
  /** How a failed run is logged; the next run comes all the same. */
  logFailureAs?: 'error' | 'warn';
}

/**
 * A job that runs at a fixed interval while the service runs: from bootstrap to shutdown. Several instances
 * may run it at once, so a job must be safe to run concurrently (its rows claimed with SKIP LOCKED). A failed
 * run is logged and the timer goes on: the next run retries what this one did not finish.
 */
export abstract class IntervalJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger: Logger;
  private timer?: NodeJS.Timeout;

  protected constructor(private readonly options: IntervalJobOptions) {
    this.logger = new Logger(options.name);
  }

  /** One run of the job. */
  protected abstract tick(): Promise<unknown>;

  onApplicationBootstrap(): void {
    const { everyMs, what, logFailureAs = 'error' } = this.options;
    if (everyMs === null) return;
    this.timer = setInterval(() => {
      this.tick().catch((error: unknown) =>
        this.logger[logFailureAs]({ msg: `${what} failed`, error: String(error) }),
      );
    }, everyMs);
    // a pending run must not keep a stopping process alive
    this.timer.unref();
  }

  /** Whether the timer runs (false before bootstrap, after shutdown and when the interval is off). */
  get scheduled(): boolean {
    return this.timer !== undefined;
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
