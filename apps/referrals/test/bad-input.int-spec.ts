import { getToken } from '@platform/testing';
import request from 'supertest';
import { newReferralBody } from './support/referral-factory';
import { startReferralsApp, type ReferralsTestApp } from './support/referrals-app';

describe('bad input to POST /api/v1/referrals', () => {
  let t: ReferralsTestApp;
  let token: string;
  const counts = async () => ({
    referrals: await t.prisma.referral.count(),
    outbox: await t.prisma.outboxMessage.count(),
  });

  beforeAll(async () => {
    t = await startReferralsApp();
    token = await getToken('caseworker-101');
  });
  afterAll(() => t.close());

  const post = (body: unknown, contentType = 'application/json') =>
    request(t.app.getHttpServer())
      .post('/api/v1/referrals')
      .auth(token, { type: 'bearer' })
      .set('Content-Type', contentType)
      .send(typeof body === 'string' ? body : JSON.stringify(body));

  const cases: Array<[string, unknown, number, string]> = [
    ['a malformed CPR', newReferralBody({ cpr: '12345' }), 400, '/cpr'],
    ['an impossible date in the CPR', newReferralBody({ cpr: '3102901234' }), 400, '/cpr'],
    ['a missing field', (({ assessedLevel: _, ...rest }) => rest)(newReferralBody()), 400, '/assessedLevel'],
    ['an unknown field', newReferralBody({ favouriteColour: 'blue' }), 400, '/favouriteColour'],
    ['a wrong type', newReferralBody({ urgent: 'yes' }), 400, '/urgent'],
    ['an unknown level', newReferralBody({ assessedLevel: 'EXTREME' }), 400, '/assessedLevel'],
    ['an impossible referral date', newReferralBody({ referralDate: '2026-02-30' }), 400, '/referralDate'],
    ['urgent without a reason', newReferralBody({ urgent: true }), 400, '/urgentReason'],
  ];

  it.each(cases)(
    'answers %s with %i problem+json naming %s and writes nothing',
    async (_, body, status, pointer) => {
      const before = await counts();
      const res = await post(body);
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.type).toBe('urn:dk:social:problem:validation-error');
      expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
      expect(JSON.stringify(res.body)).not.toMatch(/\d{10}|\d{6}-\d{4}/);
      expect(await counts()).toEqual(before);
    },
  );

  it('answers a body that is not JSON with 400 problem+json', async () => {
    const before = await counts();
    const res = await post('{"cpr": ');
    expect(res.status).toBe(400);
    expect(res.body.type).toBe('urn:dk:social:problem:malformed-json');
    expect(await counts()).toEqual(before);
  });

  it('answers an over-large body with 413 problem+json', async () => {
    const before = await counts();
    const res = await post(newReferralBody({ urgentReason: 'x'.repeat(200_000), urgent: true }));
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.type).toBe('urn:dk:social:problem:payload-too-large');
    expect(await counts()).toEqual(before);
  });

  it('answers an array body with 400', async () => {
    const res = await post([newReferralBody()]);
    expect(res.status).toBe(400);
  });

  it('answers a bad id in the path with 400, not 500', async () => {
    const res = await request(t.app.getHttpServer())
      .get('/api/v1/referrals/not-a-uuid')
      .auth(token, { type: 'bearer' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].pointer).toBe('path:id');
  });

  it('answers a bad list query with 400 naming the parameter', async () => {
    const res = await request(t.app.getHttpServer())
      .get('/api/v1/referrals?limit=0&colour=red')
      .auth(token, { type: 'bearer' });
    expect(res.status).toBe(400);
    const pointers = res.body.errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['query:limit', 'query:colour']));
  });
});
