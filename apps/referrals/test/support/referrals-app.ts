import { ConsoleLogger, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { migrate } from '@platform/persistence';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { AppModule } from '../../src/app.module';
import { prepareApp } from '../../src/bootstrap';
import { loadReferralsConfig, type ReferralsConfig } from '../../src/config/referrals.config';
import { PrismaService } from '../../src/database/prisma.service';

const ROOT = join(__dirname, '../../../..');
export const TEST_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/referrals_test';
export const MIGRATIONS_DIR = join(ROOT, 'apps/referrals/prisma/migrations');
export const SCHEMA_PATH = join(ROOT, 'apps/referrals/prisma/schema.prisma');

export interface ReferralsTestApp {
  app: INestApplication;
  config: ReferralsConfig;
  prisma: PrismaService;
  close(): Promise<void>;
}

/** The demo keys (infra/env/demo.env) plus the test database: the same config path as production. */
export function testConfig(overrides: Record<string, string> = {}): ReferralsConfig {
  const demo = parseEnv(readFileSync(join(ROOT, 'infra/env/demo.env'), 'utf8'));
  return loadReferralsConfig({
    ...demo,
    REFERRALS_DATABASE_URL: TEST_DATABASE_URL,
    KAFKA_CONSUMER_GROUP: 'referrals-test',
    ...overrides,
  });
}

/** Boots the real referrals service in-process against the real PostgreSQL, Kafka and Keycloak. */
export async function startReferralsApp(overrides: Record<string, string> = {}): Promise<ReferralsTestApp> {
  const config = testConfig(overrides);
  await migrate(config.REFERRALS_DATABASE_URL, MIGRATIONS_DIR);
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forConfig(config)] }).compile();
  const app = moduleRef.createNestApplication({
    bodyParser: false,
    logger: new ConsoleLogger({ json: true, logLevels: ['error'] }),
  });
  await prepareApp(app, config);
  await app.init();
  return { app, config, prisma: app.get(PrismaService), close: () => app.close() };
}
