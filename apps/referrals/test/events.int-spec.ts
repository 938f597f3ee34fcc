import { ReferralCreated, TOPICS } from '@platform/contracts';
import { eventData, getToken, waitForEvent } from '@platform/testing';
import request from 'supertest';
import { containsCpr, newReferralBody } from './support/referral-factory';
import { startReferralsApp, type ReferralsTestApp } from './support/referrals-app';

describe('the created event on the real Kafka topic', () => {
  let t: ReferralsTestApp;

  beforeAll(async () => {
    t = await startReferralsApp();
  });
  afterAll(() => t.close());

  it('arrives with CloudEvents headers, a valid payload and no CPR anywhere', async () => {
    const before = new Date();
    const body = newReferralBody({ cpr: '230477-4321', targetGroup: 'AUTISM', assessedLevel: 'MODERATE' });
    const res = await request(t.app.getHttpServer())
      .post('/api/v1/referrals')
      .auth(await getToken('caseworker-101'), { type: 'bearer' })
      .send(body);
    expect(res.status).toBe(201);

    const event = await waitForEvent(TOPICS.referral, (e) => e.key?.toString() === res.body.id, {
      from: before,
      timeoutMs: 30_000,
    });
    expect(event.headers).toMatchObject({
      ce_specversion: '1.0',
      ce_type: ReferralCreated.type,
      ce_source: '/services/referrals',
      ce_subject: res.body.id,
      'content-type': 'application/json',
    });
    expect(event.headers.ce_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Date(event.headers.ce_time).getTime()).not.toBeNaN();

    const data = ReferralCreated.schema.parse(eventData(event));
    expect(data).toMatchObject({
      referralId: res.body.id,
      municipalityCode: '101',
      targetGroup: 'AUTISM',
      ageGroup: 'ADULT',
    });
    expect(data.citizenPseudonym).toBe(res.body.citizen.pseudonym);

    const everything = `${event.key?.toString()} ${JSON.stringify(event.headers)} ${event.value?.toString()}`;
    expect(containsCpr(everything, '2304774321')).toBe(false);
  });
});
