import { getToken } from '@platform/testing';
import { ReferralApi } from './support/referral-api';
import type { SpecialtyPlanning, TestOffer } from './support/specialty-planning';
import { useReferralsApp } from './support/harness';
import type { ReferralsTestApp } from './support/referrals-app';

/** Takes a referral from creation to SENT_TO_OFFER on the given offer (no advice needed: LIGHT, no doubt). */
async function sentTo(api: ReferralApi, offer: TestOffer): Promise<string> {
  const { id } = await api.create('caseworker-101', { targetGroup: 'HEARING', assessedLevel: 'LIGHT' });
  expect((await api.command('caseworker-101', id, 'submit')).body.status).toBe('READY_FOR_DECISION');
  const decided = await api.command('caseworker-101', id, 'decision', {
    offerId: offer.offerId,
    level: 'LIGHT',
    startDate: '2026-05-01',
  });
  expect(decided.status).toBe(200);
  expect((await api.command('caseworker-101', id, 'send')).body.status).toBe('SENT_TO_OFFER');
  return id;
}

describe('concurrency and retries', () => {
  let t: ReferralsTestApp;
  let api: ReferralApi;
  let planning: SpecialtyPlanning;

  useReferralsApp((h) => ({ t, api, planning } = h));

  it('gives the last free place to exactly one of two concurrent accepts', async () => {
    const offer = await planning.registerOffer({
      places: 1,
      level: 'LIGHT',
      targetGroups: ['HEARING'],
    });
    const [a, b] = [await sentTo(api, offer), await sentTo(api, offer)];
    const [ea, eb] = [await api.etagAs('caseworker-1084', a), await api.etagAs('caseworker-1084', b)];
    const results = await Promise.all([
      api.command('caseworker-1084', a, 'accept', undefined, ea),
      api.command('caseworker-1084', b, 'accept', undefined, eb),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body.type).toBe('urn:dk:social:problem:no-capacity');
    const occupied = await t.prisma.referral.count({
      where: { decisionOfferId: offer.offerId, status: { in: ['ACCEPTED', 'PLACEMENT_ACTIVE'] } },
    });
    expect(occupied).toBe(1);
  });

  it('frees the place when the placement ends', async () => {
    const offer = await planning.registerOffer({
      places: 1,
      level: 'LIGHT',
      targetGroups: ['HEARING'],
    });
    const first = await sentTo(api, offer);
    const second = await sentTo(api, offer);
    expect((await api.command('caseworker-1084', first, 'accept')).status).toBe(200);
    expect((await api.command('caseworker-1084', second, 'accept')).status).toBe(409);
    expect((await api.command('caseworker-1084', first, 'placement/start', {})).status).toBe(200);
    expect(
      (await api.command('caseworker-1084', first, 'placement/end', { endDate: '2026-06-01' })).status,
    ).toBe(200);
    expect((await api.command('caseworker-1084', second, 'accept')).status).toBe(200);
  });

  it('lets only one of two concurrent decisions with the same ETag win; the other gets 412', async () => {
    const offer = await planning.registerOffer({ level: 'LIGHT', targetGroups: ['HEARING'] });
    const { id } = await api.create('caseworker-101', { targetGroup: 'HEARING', assessedLevel: 'LIGHT' });
    await api.command('caseworker-101', id, 'submit');
    const etag = await api.etagAs('caseworker-101', id);
    const body = { offerId: offer.offerId, level: 'LIGHT', startDate: '2026-05-01' };
    const results = await Promise.all([
      api.command('caseworker-101', id, 'decision', body, etag),
      api.command('muni-101-system', id, 'decision', body, etag),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    expect(results.find((r) => r.status === 412)!.headers.etag).toBe('W/"3"');
  });

  it('answers 428 to a change without If-Match', async () => {
    const { id } = await api.create('caseworker-101');
    const res = await api
      .http()
      .post(`/api/v1/referrals/${id}/submit`)
      .auth(await getToken('caseworker-101'), { type: 'bearer' });
    expect(res.status).toBe(428);
  });

  it('creates once for a retried POST with the same Idempotency-Key', async () => {
    const token = await getToken('muni-101-system');
    const key = `retry-${Date.now()}`;
    const body = { cpr: '0202021234', targetGroup: 'VISION', assessedLevel: 'HIGH' };
    const first = await api
      .http()
      .post('/api/v1/referrals')
      .auth(token, { type: 'bearer' })
      .set('Idempotency-Key', key)
      .send(body);
    const retry = await api
      .http()
      .post('/api/v1/referrals')
      .auth(token, { type: 'bearer' })
      .set('Idempotency-Key', key)
      .send(body);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.id).toBe(first.body.id);
    expect(
      await t.prisma.referral.count({
        where: {
          citizenPseudonym: first.body.citizen.pseudonym,
          createdAt: { gte: new Date(first.body.createdAt) },
        },
      }),
    ).toBe(1);
    const other = await api
      .http()
      .post('/api/v1/referrals')
      .auth(token, { type: 'bearer' })
      .set('Idempotency-Key', key)
      .send({ ...body, assessedLevel: 'LIGHT' });
    expect(other.status).toBe(422);
  });

  it('decides once for a retried decision with the same Idempotency-Key', async () => {
    const offer = await planning.registerOffer({ level: 'LIGHT', targetGroups: ['HEARING'] });
    const { id } = await api.create('caseworker-101', { targetGroup: 'HEARING', assessedLevel: 'LIGHT' });
    await api.command('caseworker-101', id, 'submit');
    const etag = await api.etagAs('caseworker-101', id);
    const token = await getToken('caseworker-101');
    const decide = () =>
      api
        .http()
        .post(`/api/v1/referrals/${id}/decision`)
        .auth(token, { type: 'bearer' })
        .set('If-Match', etag)
        .set('Idempotency-Key', `decide-${id}`)
        .send({ offerId: offer.offerId, level: 'LIGHT', startDate: '2026-05-01' });
    const first = await decide();
    const retry = await decide();
    expect([first.status, retry.status]).toEqual([200, 200]);
    expect(retry.body).toEqual(first.body);
    const decidedEvents = await t.prisma.outboxMessage.count({
      where: { messageKey: id, eventType: 'dk.social.referral.decided.v1' },
    });
    expect(decidedEvents).toBe(1);
  });
});
