import { ReferralCreated } from '@platform/contracts';
import { getToken } from '@platform/testing';
import { randomUUID } from 'node:crypto';
import { ReferralApi } from './support/referral-api';
import { useReferralsApp } from './support/harness';
import { newReferralBody } from './support/referral-factory';
import type { ReferralsTestApp } from './support/referrals-app';

/**
 * Issue 7, finding 3: begin, work and complete were three transactions, so a failure after the work left a
 * key that answered 409 forever (or a duplicate), and keys never expired. The key is now claimed in the
 * transaction of the effect (libs/kit IdempotencyStore): one effect for parallel requests, nothing left by a
 * failed one, and an expired key is claimed anew.
 */
describe('Idempotency-Key is claimed with the effect, atomically', () => {
  let t: ReferralsTestApp;
  let api: ReferralApi;

  useReferralsApp((h) => ({ t, api } = h));

  const create = async (key: string, body: Record<string, unknown>) =>
    api
      .http()
      .post('/api/v1/referrals')
      .auth(await getToken('muni-101-system'), { type: 'bearer' })
      .set('Idempotency-Key', key)
      .send(body);

  /** Referrals of one citizen created since `since`, and their created events in the outbox. */
  async function effects(pseudonym: string, since: Date) {
    const rows = await t.prisma.referral.findMany({
      where: { citizenPseudonym: pseudonym, createdAt: { gte: since } },
    });
    const created = await t.prisma.outboxMessage.count({
      where: { eventType: ReferralCreated.type, messageKey: { in: rows.map((r) => r.id) } },
    });
    return { referrals: rows.length, created };
  }

  it('gives two parallel requests with one key exactly one referral and one created event', async () => {
    const since = new Date(Date.now() - 1000);
    const key = `parallel-${randomUUID()}`;
    const body = newReferralBody();
    const answers = await Promise.all([create(key, body), create(key, body)]);
    expect(answers.map((a) => a.status)).toEqual([201, 201]);
    expect(answers[0].body.id).toBe(answers[1].body.id);
    expect(answers.map((a) => a.headers['idempotent-replayed'] ?? 'first').sort()).toEqual(['first', 'true']);
    expect(await effects(answers[0].body.citizen.pseudonym, since)).toEqual({ referrals: 1, created: 1 });
  });

  it('leaves no key behind when the request fails after its work, so a retry with the key succeeds', async () => {
    const since = new Date(Date.now() - 1000);
    const key = `fails-${randomUUID()}`;
    const marker = `fail-after-work ${randomUUID()}`;
    const body = newReferralBody({ urgent: true, urgentReason: marker });
    // A database failure after the referral row and its created event were written, inside the request's
    // transaction: a trigger on the outbox that refuses the created event of this one referral.
    // Static SQL: the trigger recognises this test's referral by the urgent reason's fixed prefix.
    await t.prisma.$executeRaw`
      CREATE OR REPLACE FUNCTION test_fail_after_work() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM referral WHERE id = (NEW.payload->>'referralId')::uuid
                   AND urgent_reason LIKE 'fail-after-work %') THEN
          RAISE EXCEPTION 'provoked failure after the work';
        END IF;
        RETURN NEW;
      END $$`;
    await t.prisma.$executeRaw`
      CREATE TRIGGER test_fail_after_work AFTER INSERT ON outbox FOR EACH ROW
      WHEN (NEW.payload ? 'referralId') EXECUTE FUNCTION test_fail_after_work()`;
    let failed;
    try {
      failed = await create(key, body);
    } finally {
      await t.prisma.$executeRaw`DROP TRIGGER IF EXISTS test_fail_after_work ON outbox`;
      await t.prisma.$executeRaw`DROP FUNCTION IF EXISTS test_fail_after_work()`;
    }
    expect(failed.status).toBe(500);
    expect(failed.headers['content-type']).toContain('application/problem+json');
    expect(await t.prisma.idempotentRequest.count({ where: { key } })).toBe(0);
    expect(await t.prisma.referral.count({ where: { urgentReason: marker } })).toBe(0);

    const retry = await create(key, body);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(await effects(retry.body.citizen.pseudonym, since)).toEqual({ referrals: 1, created: 1 });
    expect((await create(key, body)).headers['idempotent-replayed']).toBe('true');
  });

  it('leaves no key behind when validation refuses the body, so the corrected body may use the key', async () => {
    const key = `invalid-first-${randomUUID()}`;
    const body = newReferralBody();
    expect((await create(key, { ...body, assessedLevel: 'EXTREME' })).status).toBe(400);
    const corrected = await create(key, body);
    expect(corrected.status).toBe(201);
    expect(corrected.headers['idempotent-replayed']).toBeUndefined();
  });

  it('keeps a completed key for 24 hours, then claims it anew', async () => {
    const since = new Date(Date.now() - 1000);
    const key = `expiring-${randomUUID()}`;
    const body = newReferralBody();
    const first = await create(key, body);
    expect(first.status).toBe(201);
    const [stored] = await t.prisma.idempotentRequest.findMany({ where: { key } });
    const retention = stored!.expiresAt.getTime() - stored!.createdAt.getTime();
    expect(retention).toBe(24 * 3600_000);

    await t.prisma.$executeRaw`
      UPDATE idempotent_request SET expires_at = now() - interval '1 minute' WHERE key = ${key}`;
    const after = await create(key, body);
    expect(after.status).toBe(201);
    expect(after.headers['idempotent-replayed']).toBeUndefined();
    expect(after.body.id).not.toBe(first.body.id);
    expect(await effects(first.body.citizen.pseudonym, since)).toEqual({ referrals: 2, created: 2 });
    const [renewed] = await t.prisma.idempotentRequest.findMany({ where: { key } });
    expect(renewed!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);
    expect((await create(key, body)).body.id).toBe(after.body.id);
  });
});
