import { TakeoverRejected, TOPICS, type EventData } from '@platform/contracts';
import { eventData, waitForEvent, type IdentityName, type TestService } from '@platform/testing';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import type { PrismaService } from '../src/database/prisma.service';
import { usePlanning } from './support/service';

/** An offer at an address in `municipalityCode`, registered through the directory's API by its operator. */
async function registerOffer(
  t: TestService<PrismaService>,
  operator: IdentityName,
  municipalityCode: string,
) {
  const res = await (await t.as(operator)).post('/api/v1/offers').send({
    name: `Takeover test ${randomUUID().slice(0, 8)}`,
    legalBases: ['SEL_108'],
    targetGroups: ['ACQUIRED_BRAIN_INJURY'],
    level: 'HIGH',
    places: 8,
    address: { street: 'Testvej 1', postalCode: '5000', city: 'Odense C', municipalityCode },
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; version: number };
}

describe('scenario 5: Odense asks to take over an offer of region 1083 (SEL § 186, abolished)', () => {
  let t: TestService<PrismaService>;
  let offer: { id: string; version: number };
  let requestId: string;
  const since = new Date();

  usePlanning((service) => (t = service));

  beforeAll(async () => {
    offer = await registerOffer(t, 'planner-1083', '461');
  });

  it('stores the request, rejects it with the reason, and leaves the offer with its region', async () => {
    const res = await (
      await t.as('planner-461')
    )
      .post('/api/v1/takeover-requests')
      .send({ offerId: offer.id, note: 'Odense would run it with its own offers' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      municipalityCode: '461',
      offerId: offer.id,
      offerOperator: { orgType: 'region', orgCode: '1083' },
      status: 'REJECTED',
      reason: 'MUNICIPAL_TAKEOVER_ABOLISHED',
      legalBasis: 'SEL_186',
      message: { en: expect.stringContaining('municipal takeover of regional offers is abolished') },
    });
    requestId = res.body.id;
    expect(res.headers.location).toBe(`/api/v1/takeover-requests/${requestId}`);

    const stored = await t.db.takeoverRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(stored).toMatchObject({ status: 'REJECTED', reason: 'MUNICIPAL_TAKEOVER_ABOLISHED' });
    const after = await (await t.as('planner-461')).get(`/api/v1/offers/${offer.id}`);
    expect(after.body).toMatchObject({ version: offer.version, operator: { type: 'region', code: '1083' } });
  });

  it('records it with TakeoverRejected on planning.plan.v1, keyed by the request', async () => {
    const event = await waitForEvent(TOPICS.plan, (e) => e.key?.toString() === requestId, { from: since });
    expect(event.headers).toMatchObject({
      ce_type: TakeoverRejected.type,
      ce_source: '/services/specialty-planning',
    });
    expect(TakeoverRejected.schema.parse(eventData(event))).toEqual<EventData<typeof TakeoverRejected>>({
      requestId,
      municipalityCode: '461',
      offerId: offer.id,
      operatorOrgType: 'region',
      operatorOrgCode: '1083',
      reason: 'MUNICIPAL_TAKEOVER_ABOLISHED',
      legalBasis: 'SEL_186',
    });
  });

  it('shows the request to Odense, to region 1083 and to the state; to no one else', async () => {
    for (const who of ['planner-461', 'planner-1083', 'planner-state', 'auditor-state'] as const) {
      const one = await (await t.as(who)).get(`/api/v1/takeover-requests/${requestId}`);
      expect({ who, status: one.status }).toEqual({ who, status: 200 });
      const list = await (await t.as(who)).get(`/api/v1/takeover-requests?offerId=${offer.id}`);
      expect(list.body.items.map((r: { id: string }) => r.id)).toContain(requestId);
    }
    for (const who of ['planner-751', 'planner-1082', 'caseworker-101'] as const) {
      const one = await (await t.as(who)).get(`/api/v1/takeover-requests/${requestId}`);
      expect({ who, status: one.status }).toEqual({ who, status: 404 });
      const list = await (await t.as(who)).get(`/api/v1/takeover-requests?offerId=${offer.id}`);
      expect(list.body.items).toEqual([]);
    }
  });

  it('pages the list with a cursor, newest first', async () => {
    await (await t.as('planner-461')).post('/api/v1/takeover-requests').send({ offerId: offer.id });
    const first = await (
      await t.as('planner-461')
    ).get(`/api/v1/takeover-requests?offerId=${offer.id}&limit=1`);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await (
      await t.as('planner-461')
    ).get(`/api/v1/takeover-requests?offerId=${offer.id}&limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items[0].id).toBe(requestId);
    const bad = await (await t.as('planner-461')).get('/api/v1/takeover-requests?cursor=nonsense');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].pointer).toBe('query:cursor');
  });

  it('answers 404 for an unknown offer and stores nothing', async () => {
    const before = await t.db.takeoverRequest.count();
    const res = await (
      await t.as('planner-461')
    )
      .post('/api/v1/takeover-requests')
      .send({ offerId: randomUUID() });
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(await t.db.takeoverRequest.count()).toBe(before);
  });

  it('is for municipalities only: a region or the state gets 403', async () => {
    for (const who of ['planner-1083', 'planner-state'] as const) {
      const res = await (await t.as(who)).post('/api/v1/takeover-requests').send({ offerId: offer.id });
      expect({ who, status: res.status }).toEqual({ who, status: 403 });
    }
  });

  it('refuses a request for an offer that no region operates (409) and stores nothing', async () => {
    const municipal = await registerOffer(t, 'planner-751', '751');
    const before = await t.db.takeoverRequest.count();
    const res = await (
      await t.as('planner-461')
    )
      .post('/api/v1/takeover-requests')
      .send({ offerId: municipal.id });
    expect(res.status).toBe(409);
    expect(res.body.type).toBe('urn:dk:social:problem:not-a-regional-offer');
    expect(await t.db.takeoverRequest.count()).toBe(before);
  });

  it('never answers a random body with a 5xx, and stores a request only with its event', async () => {
    const token = await t.as('planner-461');
    const value = fc.oneof(
      fc.jsonValue(),
      fc.uuid(),
      fc.constantFrom(offer.id, '', '0101901234', 'x'.repeat(2001)),
    );
    const body = fc.oneof(
      fc.jsonValue(),
      fc.dictionary(fc.constantFrom('offerId', 'note', 'extra', '__proto__'), value, { maxKeys: 3 }),
    );
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const before = await counts(t);
        const res = await token
          .post('/api/v1/takeover-requests')
          .set('Content-Type', 'application/json')
          .send(JSON.stringify(b));
        expect(res.status).toBeLessThan(500);
        const after = await counts(t);
        if (res.status === 201) expect(after).toEqual({ rows: before.rows + 1, events: before.events + 1 });
        else expect(after).toEqual(before);
      }),
      { numRuns: 50 },
    );
  });
});

async function counts(t: TestService<PrismaService>) {
  return {
    rows: await t.db.takeoverRequest.count(),
    events: await t.db.outboxMessage.count({ where: { eventType: TakeoverRejected.type } }),
  };
}
