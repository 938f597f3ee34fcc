// @platform/kit: one way to build a service. See libs/kit/README.md.
export * from './config/kit-config';
export * from './config/duration';
export * from './config/interval';
export * from './service-definition';
export * from './kit.module';
export * from './database/database.module';
export * from './database/unit-of-work';
export * from './commands/command-runner';
export * from './commands/if-match';
export * from './idempotency/idempotency.interceptor';
export * from './idempotency/idempotency.store';
export * from './boot/create-service-app';
export * from './schedule/interval-job';
export * from './commands/change-request';
