import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { IDEMPOTENCY_STORE, IdempotencyInterceptor } from '@platform/http';
import { PrismaIdempotencyStore } from './idempotency.store';

/** Idempotency-Key on every POST of this service. */
@Module({
  providers: [
    { provide: IDEMPOTENCY_STORE, useClass: PrismaIdempotencyStore },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
})
export class IdempotencyModule {}
