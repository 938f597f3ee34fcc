import { getToken, type IdentityName } from '@platform/testing';
import { randomUUID } from 'node:crypto';
import { ReferralApi } from './support/referral-api';
import { useReferralsApp } from './support/harness';
import { newReferralBody } from './support/referral-factory';
import type { ReferralsTestApp } from './support/referrals-app';

/**
 * Issue 7, finding 1: Idempotency-Keys were stored per OAuth client, and every person signs in through the
 * same public client, so caseworker-751 sending caseworker-101's key and body got 101's referral. A key now
 * belongs to one caller (organisation kind, code and subject); a replay still passes the access check.
 */
describe('Idempotency-Key belongs to one caller', () => {
  let t: ReferralsTestApp;
  let api: ReferralApi;

  useReferralsApp((h) => ({ t, api } = h));

  const create = async (identity: IdentityName, key: string, body: Record<string, unknown>) =>
    api
      .http()
      .post('/api/v1/referrals')
      .auth(await getToken(identity), { type: 'bearer' })
      .set('Idempotency-Key', key)
      .send(body);

  it("gives another municipality's case worker its own referral for the same key and body, never 101's", async () => {
    const key = `shared-${randomUUID()}`;
    const body = newReferralBody();
    const first = await create('caseworker-101', key, body);
    expect(first.status).toBe(201);
    expect(first.body.municipalityCode).toBe('101');

    const other = await create('caseworker-751', key, body);
    expect(other.status).toBe(201);
    expect(other.headers['idempotent-replayed']).toBeUndefined();
    expect(other.body.id).not.toBe(first.body.id);
    expect(other.body.municipalityCode).toBe('751');
    expect(other.headers.location).toBe(`/api/v1/referrals/${other.body.id}`);
    // 751 cannot see 101's referral at all
    expect((await api.get('caseworker-751', first.body.id)).status).toBe(404);

    const rows = await t.prisma.referral.findMany({ where: { id: { in: [first.body.id, other.body.id] } } });
    expect(rows.map((r) => r.municipalityCode).sort()).toEqual(['101', '751']);
  });

  it('treats the same key from another subject of the same municipality as another key', async () => {
    const key = `shared-${randomUUID()}`;
    const body = newReferralBody();
    const person = await create('caseworker-101', key, body);
    const system = await create('muni-101-system', key, body);
    expect([person.status, system.status]).toEqual([201, 201]);
    expect(system.headers['idempotent-replayed']).toBeUndefined();
    expect(system.body.id).not.toBe(person.body.id);
  });

  it('replays to the same caller: same id, ETag and Location, Idempotent-Replayed: true, no second row', async () => {
    const key = `replay-${randomUUID()}`;
    const body = newReferralBody();
    const first = await create('caseworker-751', key, body);
    const again = await create('caseworker-751', key, body);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.headers.location).toBe(first.headers.location);
    expect(
      await t.prisma.referral.count({
        where: {
          citizenPseudonym: first.body.citizen.pseudonym,
          createdAt: { gte: new Date(first.body.createdAt) },
        },
      }),
    ).toBe(1);
  });

  it('still checks access on a replay: a region identity with the same key and body gets 403', async () => {
    const key = `guarded-${randomUUID()}`;
    const body = newReferralBody();
    expect((await create('caseworker-101', key, body)).status).toBe(201);
    const region = await create('caseworker-1084', key, body);
    expect(region.status).toBe(403);
    expect(region.headers['idempotent-replayed']).toBeUndefined();
    expect(JSON.stringify(region.body)).not.toContain('"id"');
  });
});
