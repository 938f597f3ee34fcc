import type { TestService } from '@platform/testing';
import type { PrismaService } from '../../src/database/prisma.service';
import { Planning } from './planning';
import { closeRedelivery, Referrals } from './referrals';

/** The services whose events knowledge consumes, each its own process, reached through its API. */
export interface Producers {
  planning: Planning;
  referrals: Referrals;
}

/**
 * Specialty planning and referrals for a test file: started on first use, stopped after the file. Register it
 * after `useService`, so `knowledge()` answers when a helper runs.
 */
export function useProducers(
  knowledge: () => TestService<PrismaService>,
  options: { planningEnv?: Record<string, string> } = {},
): Producers {
  const producers = { planning: new Planning(knowledge, options.planningEnv), referrals: new Referrals() };
  afterAll(async () => {
    await producers.referrals.stop();
    await producers.planning.stop();
    await closeRedelivery();
  });
  return producers;
}
