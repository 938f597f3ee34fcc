import { PlanApproved, TOPICS } from '@platform/contracts';
import { addDays } from '@platform/domain';
import { eventData, waitForEvent, type TestService } from '@platform/testing';
import { randomInt } from 'node:crypto';
import type { PrismaService } from '../src/database/prisma.service';
import { usePlanning } from './support/service';

/**
 * Which version is in force on a day: effective from its date, superseded when a later approved version takes
 * effect. The dates lie in a random far-future month, so versions approved by earlier runs of this file (the
 * test database keeps them) do not interfere.
 */
describe('plan versions in force over time', () => {
  let t: TestService<PrismaService>;
  usePlanning((service) => (t = service));

  const since = new Date();
  const base = addDays('2200-01-01', randomInt(0, 300_000));
  const later = addDays(base, 30);
  let offerId: string;
  let first: { id: string; version: number };
  let second: { id: string; version: number };

  const approveVersion = async (effectiveFrom: string) => {
    const state = await t.as('planner-state');
    const created = await state.post('/api/v1/specialty-plans').send({
      title: `Specialeplan fra ${effectiveFrom}`,
      effectiveFrom,
      entries: [
        {
          targetGroup: 'HEARING',
          functionType: 'ADVISORY_FUNCTION',
          offerId,
          validFrom: effectiveFrom,
          validTo: addDays(effectiveFrom, 365),
          minimumYearlyVolume: 10,
        },
      ],
    });
    expect(created.status).toBe(201);
    const consulted = await (
      await t.as('planner-state')
    )
      .post(`/api/v1/specialty-plans/${created.body.id}/consultation`)
      .set('If-Match', created.headers.etag);
    const approved = await (
      await t.as('planner-state')
    )
      .post(`/api/v1/specialty-plans/${created.body.id}/approve`)
      .set('If-Match', consulted.headers.etag);
    expect(approved.status).toBe(200);
    return { id: created.body.id as string, version: created.body.version as number };
  };

  const current = async (on: string) =>
    (await t.as('caseworker-751')).get(`/api/v1/specialty-plans/current?on=${on}`);

  beforeAll(async () => {
    const offer = await (await t.as('planner-1083')).post('/api/v1/offers').send({
      name: 'Høreinstitut Syd',
      legalBases: ['SEL_107'],
      targetGroups: ['HEARING'],
      level: 'HIGH',
      places: 8,
      address: { street: 'Kochsgade 31', postalCode: '5000', city: 'Odense C', municipalityCode: '461' },
    });
    expect(offer.status).toBe(201);
    offerId = offer.body.id;
    first = await approveVersion(base);
    second = await approveVersion(later);
  });

  it('has the first version in force from its date until the second takes effect', async () => {
    const on = await current(addDays(base, 1));
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ id: first.id, status: 'APPROVED', phase: 'EFFECTIVE' });
    expect(on.body.entries).toHaveLength(1);
    expect((await current(addDays(later, -1))).body.id).toBe(first.id);
  });

  it('has the second in force from its date, the first then superseded', async () => {
    const on = await current(later);
    expect(on.body).toMatchObject({ id: second.id, phase: 'EFFECTIVE' });
    const phaseOf = async (id: string, on?: string) =>
      (await (await t.as('planner-state')).get(`/api/v1/specialty-plans/${id}${on ? `?on=${on}` : ''}`)).body
        .phase;
    expect(await phaseOf(first.id, later)).toBe('SUPERSEDED');
    expect(await phaseOf(second.id, addDays(later, -1))).toBe('APPROVED');
    // Seen today, both lie in the future: approved, not yet in force.
    expect(await phaseOf(first.id)).toBe('APPROVED');
  });

  it('publishes what the second version supersedes', async () => {
    const event = await waitForEvent(
      TOPICS.plan,
      (e) => e.headers.ce_type === PlanApproved.type && e.key?.toString() === second.id,
      { from: since, timeoutMs: 30_000 },
    );
    expect(PlanApproved.schema.parse(eventData(event))).toMatchObject({
      version: second.version,
      effectiveFrom: later,
      supersedes: first.version,
    });
  });

  it('answers a day before any version with 404, and a bad day with 400', async () => {
    expect((await current('1900-01-01')).status).toBe(404);
    const bad = await current('2026-02-30');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].pointer).toBe('query:on');
  });

  it('defaults to today', async () => {
    const res = await (await t.as('caseworker-101')).get('/api/v1/specialty-plans/current');
    expect([200, 404]).toContain(res.status);
    if (res.status === 200) expect(res.body.phase).toBe('EFFECTIVE');
  });
});
