import type { INestApplication } from '@nestjs/common';
import {
  migrationsDir,
  startService,
  testDatabaseUrl,
  testEnvironment,
  type TestService,
} from '@platform/testing';
import { loadServiceConfig } from '@platform/kit';
import { join } from 'node:path';
import { referralsService } from '../../src/app.module';
import type { ReferralsConfig } from '../../src/config/referrals.config';
import type { PrismaService } from '../../src/database/prisma.service';

export const TEST_DATABASE_URL = testDatabaseUrl('referrals');
export const MIGRATIONS_DIR = migrationsDir('referrals');
export const SCHEMA_PATH = join(__dirname, '../../prisma/schema');

export interface ReferralsTestApp {
  app: INestApplication;
  config: ReferralsConfig;
  prisma: PrismaService;
  service: TestService<PrismaService>;
  close(): Promise<void>;
}

/** The referrals service's own configuration as the tests run it (the demo keys). */
export function testConfig(overrides: Record<string, string> = {}): ReferralsConfig {
  return loadServiceConfig(referralsService, testEnvironment(referralsService, overrides)).own;
}

/** Boots the real referrals service in-process (the kit's harness) against the real stack. */
export async function startReferralsApp(overrides: Record<string, string> = {}): Promise<ReferralsTestApp> {
  const service = await startService<PrismaService>(referralsService, { env: overrides });
  return {
    app: service.app,
    config: service.config.own as ReferralsConfig,
    prisma: service.db,
    service,
    close: () => service.close(),
  };
}
