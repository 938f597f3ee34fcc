import { getToken, type IdentityName } from '@platform/testing';
import { randomUUID } from 'node:crypto';
import { ReferralApi } from './support/referral-api';
import { useReferralsApp } from './support/harness';

/**
 * Issue 7, finding 10: answers that carry personal data must not be kept by a browser, proxy or gateway.
 * libs/http sets `Cache-Control: no-store` on every `/api/` response, errors included.
 */
describe('Cache-Control: no-store on the referral APIs', () => {
  let api: ReferralApi;

  useReferralsApp((h) => ({ api } = h));

  const get = async (identity: IdentityName, path: string) =>
    api
      .http()
      .get(path)
      .auth(await getToken(identity), { type: 'bearer' });

  it('is set on create, reads, the citizen, a command, the worklist and errors', async () => {
    const created = await api
      .http()
      .post('/api/v1/referrals')
      .auth(await getToken('caseworker-101'), { type: 'bearer' })
      .send({ cpr: '0101901234', targetGroup: 'VISION', assessedLevel: 'HIGH' });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const answers = {
      create: created,
      get: await get('caseworker-101', `/api/v1/referrals/${id}`),
      list: await get('caseworker-101', '/api/v1/referrals?limit=5'),
      citizen: await get('caseworker-101', `/api/v1/referrals/${id}/citizen`),
      submit: await api.command('caseworker-101', id, 'submit'),
      worklist: await get('caseworker-1084', '/api/v1/operator/worklist'),
      notFound: await get('caseworker-101', `/api/v1/referrals/${randomUUID()}`),
      badInput: await get('caseworker-101', '/api/v1/referrals?limit=0'),
      noToken: await api.http().get(`/api/v1/referrals/${id}`),
    };
    const statuses = Object.fromEntries(Object.entries(answers).map(([k, r]) => [k, r.status]));
    expect(statuses).toEqual({
      create: 201,
      get: 200,
      list: 200,
      citizen: 200,
      submit: 200,
      worklist: 200,
      notFound: 404,
      badInput: 400,
      noToken: 401,
    });
    for (const [name, res] of Object.entries(answers)) {
      expect({ name, cacheControl: res.headers['cache-control'] }).toEqual({
        name,
        cacheControl: 'no-store',
      });
    }
  });
});
