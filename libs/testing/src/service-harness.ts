import type { INestApplication, Type } from '@nestjs/common';
import {
  createServiceApp,
  databaseName,
  DATABASE,
  envPrefix,
  loadServiceConfig,
  type LoadedConfig,
  type ServiceDefinition,
} from '@platform/kit';
import { migrate } from '@platform/persistence';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import request from 'supertest';
import { stackSettings } from './settings';
import { repoRoot } from './stack';
import { getToken } from './tokens';
import type { IdentityName } from './identities';

export interface TestService<Db = unknown> {
  app: INestApplication;
  config: LoadedConfig;
  /** The service's own database client (its Prisma client class). */
  db: Db;
  /** supertest against the app, without a token. */
  http(): ReturnType<typeof request>;
  /** supertest with a real Keycloak token of a test identity: `(await t.as('caseworker-101')).get(…)`. */
  as(identity: IdentityName): Promise<AuthorizedAgent>;
  close(): Promise<void>;
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type AuthorizedAgent = Record<Method, (path: string) => request.Test>;

export interface TestServiceOptions {
  /** Extra or overriding environment variables. */
  env?: Record<string, string>;
}

/**
 * The environment a service gets in tests: the demo secrets (its own Kafka password among them: it signs in to
 * the broker as itself, under the ACLs of the topic registry), the stack's brokers, its `_test` database and its
 * own consumer group (`<name>-test`, inside the ACLs' `<name>` prefix).
 */
export function testEnvironment(
  definition: Pick<ServiceDefinition, 'name'>,
  env: Record<string, string> = {},
) {
  const demo = parseEnv(readFileSync(join(repoRoot(), 'infra/env/demo.env'), 'utf8'));
  const stack = stackSettings();
  return {
    ...demo,
    KAFKA_BROKERS: stack.kafkaBrokers.join(','),
    ...(stack.kafkaSsl ? { KAFKA_SSL: 'true' } : {}),
    [`${envPrefix(definition.name)}_DATABASE_URL`]: testDatabaseUrl(definition.name),
    KAFKA_CONSUMER_GROUP: `${definition.name}-test`,
    ...env,
  } as NodeJS.ProcessEnv;
}

export const testDatabaseUrl = (service: string) =>
  `postgresql://postgres@127.0.0.1:5432/${databaseName(service)}_test`;

/** The folder of a service's migrations: apps/<name>/prisma/migrations. */
export const migrationsDir = (service: string) => join(repoRoot(), 'apps', service, 'prisma', 'migrations');

/**
 * Boots one service in-process, exactly as main.ts does (the kit's createServiceApp), against the real
 * PostgreSQL (its `_test` database, migrated first), Kafka and Keycloak.
 */
export async function startService<Db = unknown>(
  definition: ServiceDefinition,
  options: TestServiceOptions = {},
): Promise<TestService<Db>> {
  const config = loadServiceConfig(definition, testEnvironment(definition, options.env));
  await migrate(config.kit.databaseUrl, migrationsDir(definition.name));
  const { app } = await createServiceApp(definition, config, ['error']);
  await app.init();
  const http = () => request(app.getHttpServer());
  let closing: Promise<void> | undefined;
  return {
    app,
    config,
    db: app.get<Type<Db> | symbol, Db>(DATABASE),
    http,
    as: async (identity) => authorized(http, await getToken(identity)),
    close: () => (closing ??= app.close()),
  };
}

/**
 * Boots the service once for a test file (beforeAll) and closes it (afterAll); `receive` gets it when it is
 * up. Hooks run in order, so a later beforeAll may use it.
 */
export function useService<Db = unknown>(
  definition: ServiceDefinition,
  receive: (service: TestService<Db>) => void,
  options: TestServiceOptions = {},
): void {
  let service: TestService<Db> | undefined;
  beforeAll(async () => {
    service = await startService<Db>(definition, options);
    receive(service);
  });
  afterAll(async () => {
    await service?.close();
  });
}

export function authorized(http: () => ReturnType<typeof request>, token: string): AuthorizedAgent {
  const call = (method: Method) => (path: string) => http()[method](path).auth(token, { type: 'bearer' });
  return {
    get: call('get'),
    post: call('post'),
    put: call('put'),
    patch: call('patch'),
    delete: call('delete'),
  };
}
