import { FunctionApproved, PlanApproved, TOPICS, type EventData } from '@platform/contracts';
import { eventData, waitForEvent, type TestService } from '@platform/testing';
import type { PrismaService } from '../src/database/prisma.service';
import { usePlanning } from './support/service';

/**
 * Scenario 1, step 1 (the plan's part): the state approves a version of the national specialty plan in which
 * Synscenter Hovedstaden (region 1084, HIGH, 12 places) holds SPECIAL_FUNCTION and ADVISORY_FUNCTION for VISION,
 * valid 5 years, at least 30 citizens a year; PlanApproved and a FunctionApproved per entry reach Kafka.
 */
describe('approving a version of the national specialty plan', () => {
  let t: TestService<PrismaService>;
  usePlanning((service) => (t = service));

  const since = new Date();
  let offerId: string;
  const vision = (functionType: string) => ({
    targetGroup: 'VISION',
    functionType,
    offerId,
    validFrom: '2026-01-01',
    validTo: '2030-12-31',
    minimumYearlyVolume: 30,
  });
  const entries = () => [vision('SPECIAL_FUNCTION'), vision('ADVISORY_FUNCTION')];

  const state = () => t.as('planner-state');
  const draft = async (body: Record<string, unknown> = {}) => {
    const res = await (
      await state()
    )
      .post('/api/v1/specialty-plans')
      .send({ title: 'Specialeplan 2026', effectiveFrom: '2026-01-01', entries: entries(), ...body });
    expect(res.status).toBe(201);
    return res;
  };
  const command = async (id: string, etag: string, name: string, who = 'planner-state' as const) =>
    (await t.as(who)).post(`/api/v1/specialty-plans/${id}/${name}`).set('If-Match', etag);

  beforeAll(async () => {
    const res = await (await t.as('planner-1084')).post('/api/v1/offers').send({
      name: 'Synscenter Hovedstaden',
      legalBases: ['SEL_108'],
      targetGroups: ['VISION'],
      level: 'HIGH',
      places: 12,
      ratePerDay: '4500.00',
      address: { street: 'Rymarksvej 1', postalCode: '2900', city: 'Hellerup', municipalityCode: '157' },
    });
    expect(res.status).toBe(201);
    offerId = res.body.id;
  });

  it('drafts version n with its entries, the target group as code and FFB code', async () => {
    const res = await draft();
    expect(res.headers.location).toBe(`/api/v1/specialty-plans/${res.body.id}`);
    expect(res.headers.etag).toBe('W/"1"');
    expect(res.body).toMatchObject({ status: 'DRAFT', phase: 'DRAFT', effectiveFrom: '2026-01-01' });
    expect(res.body.version).toBeGreaterThanOrEqual(1);
    expect(res.body.entries[0]).toEqual({
      ...vision('SPECIAL_FUNCTION'),
      targetGroup: { code: 'VISION', ffbCode: '615310e8-f702-4455-910b-9d6d8aa684fb' },
    });
  });

  it('numbers versions 1, 2, … in order of creation', async () => {
    const first = await draft();
    const second = await draft();
    expect(second.body.version).toBe(first.body.version + 1);
  });

  it('approves after consultation: PlanApproved and FunctionApproved per entry on Kafka, functions listed', async () => {
    const created = await draft();
    const id = created.body.id;
    const consulted = await command(id, created.headers.etag, 'consultation');
    expect(consulted.status).toBe(200);
    expect(consulted.body).toMatchObject({ status: 'CONSULTATION', phase: 'CONSULTATION' });
    const approved = await command(id, consulted.headers.etag, 'approve');
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'APPROVED', version: created.body.version });
    expect(approved.body.approvedAt).toEqual(expect.any(String));

    const plan = await waitForEvent(
      TOPICS.plan,
      (e) => e.headers.ce_type === PlanApproved.type && e.key?.toString() === id,
      { from: since, timeoutMs: 30_000 },
    );
    const data = PlanApproved.schema.parse(eventData(plan));
    expect(data).toMatchObject({ planId: id, version: created.body.version, effectiveFrom: '2026-01-01' });
    expect(data.entries).toEqual(entries());
    expect(plan.headers.ce_source).toBe('/services/specialty-planning');

    const functions = await (await t.as('caseworker-101')).get(`/api/v1/functions?offerId=${offerId}`);
    expect(functions.status).toBe(200);
    const mine = functions.body.items.filter((f: { planVersionId: string }) => f.planVersionId === id);
    expect(mine.map((f: { functionType: string }) => f.functionType).sort()).toEqual([
      'ADVISORY_FUNCTION',
      'SPECIAL_FUNCTION',
    ]);
    for (const fn of mine) {
      expect(fn).toMatchObject({
        operatorOrgCode: '1084',
        targetGroup: { code: 'VISION' },
        validFrom: '2026-01-01',
        validTo: '2030-12-31',
        minimumYearlyVolume: 30,
        applicationId: null,
        status: 'ACTIVE',
      });
      const event = await waitForEvent(TOPICS.plan, (e) => e.key?.toString() === fn.id, {
        from: since,
        timeoutMs: 30_000,
      });
      expect(event.headers.ce_type).toBe(FunctionApproved.type);
      expect(FunctionApproved.schema.parse(eventData(event))).toEqual<EventData<typeof FunctionApproved>>({
        functionId: fn.id,
        offerId,
        operatorOrgCode: '1084',
        targetGroup: 'VISION',
        functionType: fn.functionType,
        applicationId: null,
        validFrom: '2026-01-01',
        validTo: '2030-12-31',
        minimumYearlyVolume: 30,
      });
    }
  });

  it('refuses a municipality (403) and a region (403) approving, and changes nothing', async () => {
    const created = await draft();
    const consulted = await command(created.body.id, created.headers.etag, 'consultation');
    for (const who of ['planner-461', 'planner-1084', 'caseworker-101'] as const) {
      const res = await (
        await t.as(who)
      )
        .post(`/api/v1/specialty-plans/${created.body.id}/approve`)
        .set('If-Match', consulted.headers.etag);
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    const after = await (await t.as('planner-461')).get(`/api/v1/specialty-plans/${created.body.id}`);
    expect(after.status).toBe(200);
    expect(after.body.status).toBe('CONSULTATION');
    expect(await t.db.specialtyFunction.count({ where: { planVersionId: created.body.id } })).toBe(0);
  });

  it('refuses a municipality drafting a plan (403)', async () => {
    const res = await (
      await t.as('planner-751')
    )
      .post('/api/v1/specialty-plans')
      .send({ title: 'Kommunens plan', effectiveFrom: '2026-01-01' });
    expect(res.status).toBe(403);
  });

  it('edits entries only in a draft (409 afterwards), with If-Match (428 without, 412 stale)', async () => {
    const created = await draft({ entries: [] });
    const id = created.body.id;
    const agent = await state();
    expect(
      (await agent.put(`/api/v1/specialty-plans/${id}/entries`).send({ entries: entries() })).status,
    ).toBe(428);
    const edited = await (
      await state()
    )
      .put(`/api/v1/specialty-plans/${id}/entries`)
      .set('If-Match', created.headers.etag)
      .send({ entries: entries() });
    expect(edited.status).toBe(200);
    expect(edited.body.entries).toHaveLength(2);
    expect(edited.headers.etag).toBe('W/"2"');
    const stale = await (
      await state()
    )
      .put(`/api/v1/specialty-plans/${id}/entries`)
      .set('If-Match', created.headers.etag)
      .send({ entries: [] });
    expect(stale.status).toBe(412);

    const consulted = await command(id, edited.headers.etag, 'consultation');
    const late = await (
      await state()
    )
      .put(`/api/v1/specialty-plans/${id}/entries`)
      .set('If-Match', consulted.headers.etag)
      .send({ entries: [] });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ currentStatus: 'CONSULTATION', allowed: ['approve'] });
    expect((await (await state()).get(`/api/v1/specialty-plans/${id}`)).body.entries).toHaveLength(2);
  });

  it('does not approve a draft that skipped consultation, nor approve twice (409)', async () => {
    const created = await draft();
    const early = await command(created.body.id, created.headers.etag, 'approve');
    expect(early.status).toBe(409);
    expect(early.body.type).toBe('urn:dk:social:problem:invalid-plan-transition');
    const consulted = await command(created.body.id, created.headers.etag, 'consultation');
    const approved = await command(created.body.id, consulted.headers.etag, 'approve');
    expect(approved.status).toBe(200);
    const again = await command(created.body.id, approved.headers.etag, 'approve');
    expect(again.status).toBe(409);
    expect(await t.db.specialtyFunction.count({ where: { planVersionId: created.body.id } })).toBe(2);
  });

  it('refuses to approve a version without entries (409), approving nothing', async () => {
    const created = await draft({ entries: [] });
    const consulted = await command(created.body.id, created.headers.etag, 'consultation');
    const res = await command(created.body.id, consulted.headers.etag, 'approve');
    expect(res.status).toBe(409);
    expect(res.body.type).toBe('urn:dk:social:problem:plan-without-entries');
    expect((await (await state()).get(`/api/v1/specialty-plans/${created.body.id}`)).body.status).toBe(
      'CONSULTATION',
    );
  });

  it.each([
    ['validTo before validFrom', { validTo: '2025-12-31' }, '/entries/0/validTo'],
    ['an unknown offer', { offerId: '00000000-0000-4000-8000-000000000000' }, '/entries/0/offerId'],
    ['a target group the offer does not serve', { targetGroup: 'AUTISM' }, '/entries/0/targetGroup'],
    ['an unknown target group', { targetGroup: 'UNICORNS' }, '/entries/0/targetGroup'],
    ['a negative minimum', { minimumYearlyVolume: -1 }, '/entries/0/minimumYearlyVolume'],
    ['an unknown function type', { functionType: 'REGION_FUNCTION' }, '/entries/0/functionType'],
  ])('answers %s with 400 naming the field, and writes nothing', async (_, change, pointer) => {
    const before = await t.db.specialtyPlan.count();
    const res = await (await state()).post('/api/v1/specialty-plans').send({
      title: 'Bad',
      effectiveFrom: '2026-01-01',
      entries: [{ ...vision('SPECIAL_FUNCTION'), ...change }],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    expect(await t.db.specialtyPlan.count()).toBe(before);
  });

  it('refuses an entry repeated in one version (400 naming it)', async () => {
    const res = await (await state()).post('/api/v1/specialty-plans').send({
      title: 'Twice',
      effectiveFrom: '2026-01-01',
      entries: [vision('SPECIAL_FUNCTION'), vision('SPECIAL_FUNCTION')],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/entries/1' })]);
  });

  it('accepts the target group as its FFB code', async () => {
    const res = await draft({
      entries: [{ ...vision('SPECIAL_FUNCTION'), targetGroup: '615310E8-F702-4455-910B-9D6D8AA684FB' }],
    });
    expect(res.body.entries[0].targetGroup.code).toBe('VISION');
  });

  it('lets any valid token read plans; a missing one is 404', async () => {
    const created = await draft();
    for (const who of ['caseworker-101', 'advisor-1084', 'muni-101-system'] as const) {
      const res = await (await t.as(who)).get(`/api/v1/specialty-plans/${created.body.id}`);
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('W/"1"');
    }
    const list = await (await t.as('caseworker-101')).get('/api/v1/specialty-plans?limit=2');
    expect(list.status).toBe(200);
    expect(list.body.items[0]).toMatchObject({ entryCount: expect.any(Number) });
    const missing = await (
      await t.as('caseworker-101')
    ).get('/api/v1/specialty-plans/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect((await t.http().get('/api/v1/specialty-plans')).status).toBe(401);
  });
});
