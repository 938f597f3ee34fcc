import type { IdentityName } from '@platform/testing';
import type { AnswerLog } from './answers';
import type { Platform, PlatformService } from './platform';
import { sleep } from './pool';

/** A cheap read of each service by someone who may make it. */
const READS: Record<PlatformService, { who: IdentityName; path: string }> = {
  referrals: { who: 'caseworker-101', path: '/api/v1/referrals?limit=1' },
  'specialty-planning': { who: 'planner-state', path: '/api/v1/offers?limit=1' },
  knowledge: { who: 'auditor-state', path: '/api/v1/advice-cases?limit=1' },
  financing: { who: 'finance-state', path: '/api/v1/rule-sets' },
  audit: { who: 'auditor-state', path: '/api/v1/audit/events?limit=1' },
};

/**
 * Reads each named service every `everyMs` into the log until the returned function is called (which resolves
 * when the last round is done): proof that they keep answering through a fault.
 */
export function keepReading(
  platform: Platform,
  log: AnswerLog,
  services: readonly PlatformService[],
  everyMs = 500,
): () => Promise<void> {
  let running = true;
  const loop = (async () => {
    while (running) {
      await Promise.all(
        services.map(async (name) => {
          const read = READS[name];
          await log.send(name, `GET ${read.path}`, (await platform.get(name).as(read.who)).get(read.path));
        }),
      );
      await sleep(everyMs);
    }
  })();
  return async () => {
    running = false;
    await loop;
  };
}
