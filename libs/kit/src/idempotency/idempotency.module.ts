import {
  Injectable,
  Logger,
  Module,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { UnitOfWork } from '../database/unit-of-work';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyStore } from './idempotency.store';

const SWEEP_INTERVAL_MS = 10 * 60_000;

/** Deletes expired keys now and then, so the table holds about one retention period of requests. */
@Injectable()
class IdempotencySweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('IdempotencySweeper');
  private readonly store = new IdempotencyStore();
  private timer?: NodeJS.Timeout;

  constructor(private readonly uow: UnitOfWork) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.uow
        .run((tx) => this.store.sweep(tx))
        .catch((error: unknown) =>
          this.logger.warn({ msg: 'sweeping expired idempotency keys failed', error: String(error) }),
        );
    }, SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}

/** Idempotency-Key on every POST of the service. */
@Module({
  providers: [{ provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }, IdempotencySweeper],
})
export class IdempotencyModule {}
