import { ReferralAdviceOverdue } from '@platform/contracts';
import { AdviceService } from '../src/advice/advice.service';
import { ReferralApi } from './support/referral-api';
import { referralEvents } from './support/referral-events';
import type { SpecialtyPlanning } from './support/specialty-planning';
import { useReferralsApp } from './support/harness';
import type { ReferralsTestApp } from './support/referrals-app';

describe('an urgent placement (akut anbringelse)', () => {
  let t: ReferralsTestApp;
  let api: ReferralApi;
  let planning: SpecialtyPlanning;

  useReferralsApp((h) => ({ t, api, planning } = h));

  it('is decided before advice; when the deadline passes without advice it is flagged and an event says so', async () => {
    const offer = await planning.registerOffer({ level: 'HIGH', targetGroups: ['AUTISM'] });
    const { id } = await api.create('caseworker-101', {
      targetGroup: 'AUTISM',
      assessedLevel: 'HIGH',
      urgent: true,
      urgentReason: 'The citizen cannot stay at home tonight',
    });
    const submitted = await api.command('caseworker-101', id, 'submit');
    expect(submitted.body.status).toBe('AWAITING_ADVICE');

    const decided = await api.command('caseworker-101', id, 'decision', {
      offerId: offer.offerId,
      level: 'HIGH',
      startDate: '2026-03-02',
    });
    expect(decided.status).toBe(200);
    expect(decided.body.decision).toMatchObject({ decidedBeforeAdvice: true, followsAdvice: null });
    expect(decided.body.advice).toMatchObject({ required: true, overdue: false });

    // A scan takes 500 at a time, oldest deadline first: the test database may hold earlier runs' overdue
    // referrals (the fault tests decide a thousand urgently), so scan until nothing is left, as the job would.
    const afterDeadline = new Date(new Date(decided.body.advice.dueAt).getTime() + 60_000);
    const scan = () => t.app.get(AdviceService).flagOverdue(afterDeadline);
    let flagged = 0;
    for (let n = await scan(), rounds = 0; n > 0 && rounds < 100; n = await scan(), rounds++) flagged += n;
    expect(flagged).toBeGreaterThanOrEqual(1);
    expect((await api.get('caseworker-101', id)).body.advice.overdue).toBe(true);
    expect(await scan()).toBe(0);

    const received = await referralEvents(id, 5);
    expect(received.filter((e) => e.type === ReferralAdviceOverdue.type)).toHaveLength(1);
  });

  it('cannot be decided before advice when it is not urgent', async () => {
    const offer = await planning.registerOffer({ level: 'HIGH', targetGroups: ['AUTISM'] });
    const { id } = await api.create('caseworker-101', { targetGroup: 'AUTISM', assessedLevel: 'HIGH' });
    await api.command('caseworker-101', id, 'submit');
    const res = await api.command('caseworker-101', id, 'decision', {
      offerId: offer.offerId,
      level: 'HIGH',
      startDate: '2026-03-02',
    });
    expect(res.status).toBe(409);
  });
});
