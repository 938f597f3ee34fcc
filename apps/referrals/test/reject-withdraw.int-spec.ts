import { ReferralRejected, ReferralWithdrawn } from '@platform/contracts';
import { ReferralApi } from './support/referral-api';
import { referralEvents } from './support/referral-events';
import type { SpecialtyPlanning } from './support/specialty-planning';
import { useReferralsApp } from './support/harness';

describe('rejection by the operator and withdrawal by the municipality', () => {
  let api: ReferralApi;
  let planning: SpecialtyPlanning;

  useReferralsApp((h) => ({ api, planning } = h));

  it('lets the operator reject with NO_CAPACITY, once, with one rejected event', async () => {
    const offer = await planning.registerOffer({ level: 'LIGHT', targetGroups: ['HEARING'] });
    const { id } = await api.create('caseworker-101', { targetGroup: 'HEARING', assessedLevel: 'LIGHT' });
    await api.command('caseworker-101', id, 'submit');
    await api.command('caseworker-101', id, 'decision', {
      offerId: offer.offerId,
      level: 'LIGHT',
      startDate: '2026-05-01',
    });
    await api.command('caseworker-101', id, 'send');

    const rejected = await api.command('caseworker-1084', id, 'reject', {
      reason: 'NO_CAPACITY',
      note: 'Waiting list until May',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({
      status: 'REJECTED',
      rejection: { reason: 'NO_CAPACITY', note: 'Waiting list until May' },
    });
    expect((await api.command('caseworker-1084', id, 'accept')).status).toBe(409);

    const received = await referralEvents(id, 5);
    const rejections = received.filter((e) => e.type === ReferralRejected.type);
    expect(rejections).toHaveLength(1);
    expect(rejections[0].data).toMatchObject({
      reason: 'NO_CAPACITY',
      operatorOrgCode: '1084',
      offerId: offer.offerId,
    });
  });

  it('lets the municipality withdraw an open referral, with one withdrawn event', async () => {
    const { id } = await api.create('caseworker-101');
    const withdrawn = await api.command('caseworker-101', id, 'withdraw', {
      reason: 'The citizen moved away',
    });
    expect(withdrawn.body).toMatchObject({ status: 'WITHDRAWN', withdrawnReason: 'The citizen moved away' });
    const received = await referralEvents(id, 2);
    expect(received.filter((e) => e.type === ReferralWithdrawn.type).map((e) => e.data)).toEqual([
      { referralId: id, municipalityCode: '101', previousStatus: 'DRAFT' },
    ]);
  });

  it('does not let another municipality withdraw it (404)', async () => {
    const { id } = await api.create('caseworker-101');
    expect(
      (await api.command('caseworker-751', id, 'withdraw', { reason: 'not mine to withdraw' })).status,
    ).toBe(404);
  });
});
