import { Knowledge } from './knowledge';
import { ReferralApi } from './referral-api';
import { RawEvents } from './raw-events';
import { startReferralsApp, type ReferralsTestApp } from './referrals-app';
import { SpecialtyPlanning } from './specialty-planning';

export interface ReferralsHarness {
  t: ReferralsTestApp;
  api: ReferralApi;
  /** The real specialty-planning service (its own process, started on first use): offers, responsibility. */
  planning: SpecialtyPlanning;
  /** The real knowledge service (its own process, started on first use): advisory functions, advice. */
  knowledge: Knowledge;
  /** Direct Kafka writes for fault injection (forged, malformed, during outages). */
  events: RawEvents;
}

/**
 * Boots the referrals service once for a test file (beforeAll) and closes it again (afterAll), handing the app,
 * an API client, the planning and knowledge services and a raw publisher to `receive`. Hooks run in order, so a later beforeAll
 * can use them.
 */
export function useReferralsApp(receive: (harness: ReferralsHarness) => void): void {
  let harness: ReferralsHarness | undefined;
  beforeAll(async () => {
    const t = await startReferralsApp();
    const planning = new SpecialtyPlanning(() => t.prisma);
    harness = {
      t,
      api: new ReferralApi(t.app),
      planning,
      knowledge: new Knowledge(planning),
      events: new RawEvents(),
    };
    receive(harness);
  });
  afterAll(async () => {
    await harness?.knowledge.stop();
    await harness?.planning.stop();
    await harness?.events.close();
    await harness?.t.close();
  });
}
