import { Logger } from '@nestjs/common';
import { IntervalJob } from './interval-job';

class CountingJob extends IntervalJob {
  runs = 0;
  failNext = false;

  constructor(everyMs: number | null, logFailureAs?: 'error' | 'warn') {
    super({ name: 'CountingJob', what: 'counting', everyMs, logFailureAs });
  }

  protected tick(): Promise<void> {
    this.runs++;
    if (!this.failNext) return Promise.resolve();
    this.failNext = false;
    return Promise.reject(new Error('database away'));
  }
}

describe('an interval job', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('runs at every interval from bootstrap until shutdown', () => {
    const job = new CountingJob(1000);
    expect(job.scheduled).toBe(false);
    job.onApplicationBootstrap();
    expect(job.scheduled).toBe(true);
    jest.advanceTimersByTime(3000);
    expect(job.runs).toBe(3);
    job.beforeApplicationShutdown();
    expect(job.scheduled).toBe(false);
    jest.advanceTimersByTime(3000);
    expect(job.runs).toBe(3);
  });

  it('never runs when the interval is off', () => {
    const job = new CountingJob(null);
    job.onApplicationBootstrap();
    expect(job.scheduled).toBe(false);
    jest.advanceTimersByTime(60_000);
    expect(job.runs).toBe(0);
    job.beforeApplicationShutdown();
  });

  it('logs a failed run and runs again at the next interval', async () => {
    const logged = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const job = new CountingJob(1000, 'warn');
    job.failNext = true;
    job.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(1000);
    expect(logged).toHaveBeenCalledWith({ msg: 'counting failed', error: 'Error: database away' });
    await jest.advanceTimersByTimeAsync(1000);
    expect(job.runs).toBe(2);
    job.beforeApplicationShutdown();
  });
});
