import { ReferralApi } from './referral-api';
import { EventPublisher } from './planning-events';
import { startReferralsApp, type ReferralsTestApp } from './referrals-app';

export interface ReferralsHarness {
  t: ReferralsTestApp;
  api: ReferralApi;
  events: EventPublisher;
}

/**
 * Boots the referrals service once for a test file (beforeAll) and closes it again (afterAll), handing the app,
 * an API client and an event publisher to `receive`. Hooks run in order, so a later beforeAll can use them.
 */
export function useReferralsApp(receive: (harness: ReferralsHarness) => void): void {
  let harness: ReferralsHarness | undefined;
  beforeAll(async () => {
    const t = await startReferralsApp();
    harness = { t, api: new ReferralApi(t.app), events: new EventPublisher() };
    receive(harness);
  });
  afterAll(async () => {
    await harness?.events.close();
    await harness?.t.close();
  });
}
