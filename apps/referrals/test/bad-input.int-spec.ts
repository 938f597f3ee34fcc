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

  const cases: Array<[string, number, string, unknown]> = [
    ['a malformed CPR', 400, '/cpr', newReferralBody({ cpr: '12345' })],
    ['an impossible date in the CPR', 400, '/cpr', newReferralBody({ cpr: '3102901234' })],
    ['a missing field', 400, '/assessedLevel', (({ assessedLevel: _, ...rest }) => rest)(newReferralBody())],
    ['an unknown field', 400, '/favouriteColour', newReferralBody({ favouriteColour: 'blue' })],
    ['a wrong type', 400, '/urgent', newReferralBody({ urgent: 'yes' })],
    ['an unknown level', 400, '/assessedLevel', newReferralBody({ assessedLevel: 'EXTREME' })],
    ['an impossible referral date', 400, '/referralDate', newReferralBody({ referralDate: '2026-02-30' })],
    ['urgent without a reason', 400, '/urgentReason', newReferralBody({ urgent: true })],
  ];

  it.each(cases)(
    'answers %s with %i problem+json naming %s and writes nothing',
    async (_, status, pointer, body) => {
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
