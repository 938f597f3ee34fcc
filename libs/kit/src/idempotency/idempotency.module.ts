import { Injectable, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { UnitOfWork } from '../database/unit-of-work';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyStore } from './idempotency.store';
import { IntervalJob } from '../schedule/interval-job';

const SWEEP_INTERVAL_MS = 10 * 60_000;

/** Deletes expired keys now and then, so the table holds about one retention period of requests. */
@Injectable()
class IdempotencySweeper extends IntervalJob {
  private readonly store = new IdempotencyStore();

  constructor(private readonly uow: UnitOfWork) {
    super({
      name: 'IdempotencySweeper',
      what: 'sweeping expired idempotency keys',
      everyMs: SWEEP_INTERVAL_MS,
      logFailureAs: 'warn',
    });
  }

  protected tick(): Promise<number> {
    return this.uow.run((tx) => this.store.sweep(tx));
  }
}

/** Idempotency-Key on every POST of the service. */
@Module({
  providers: [{ provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }, IdempotencySweeper],
})
export class IdempotencyModule {}
