import { ResponsibilityChanged, TOPICS, type EventData } from '@platform/contracts';
import { addDays, TARGET_GROUP_CODES, todayInDenmark } from '@platform/domain';
import { eventData, eventually, waitForEvent, type TestService } from '@platform/testing';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import type { PrismaService } from '../src/database/prisma.service';
import { usePlanning } from './support/service';

const changesOf = (t: TestService<PrismaService>, targetGroup: string) =>
  t.db.responsibilityChange.count({ where: { targetGroup } });
const eventsOf = (t: TestService<PrismaService>) =>
  t.db.outboxMessage.count({ where: { eventType: ResponsibilityChanged.type } });

describe('target groups and the responsibility timeline (rule 2)', () => {
  let t: TestService<PrismaService>;
  /** The state's planner posts a responsibility change. */
  const change = async (targetGroup: string, body: object) =>
    (await t.as('planner-state'))
      .post(`/api/v1/target-groups/${targetGroup}/responsibility-changes`)
      .send(body);
  const since = new Date();
  const today = todayInDenmark();

  usePlanning((service) => (t = service));

  /** A referral of the activity read model, decided on a date (as the referral events would leave it). */
  async function decidedReferral(targetGroup: string, decidedOn: string) {
    const id = randomUUID();
    await t.db.$executeRaw`
      INSERT INTO referral_activity (referral_id, municipality_code, target_group, referral_date, status,
                                     decided_level, decided_on, updated_at)
      VALUES (${id}::uuid, '101', ${targetGroup}, ${decidedOn}::date, 'DECIDED', 'HIGH', ${decidedOn}::date, now())`;
    return { remove: () => t.db.$executeRaw`DELETE FROM referral_activity WHERE referral_id = ${id}::uuid` };
  }

  it('lists every target group with its code, FFB code, names and responsibility today', async () => {
    const res = await (await t.as('caseworker-101')).get('/api/v1/target-groups');
    expect(res.status).toBe(200);
    expect(res.body.items.map((g: { code: string }) => g.code)).toEqual([...TARGET_GROUP_CODES]);
    expect(res.body.items.find((g: { code: string }) => g.code === 'VISION')).toMatchObject({
      ffbCode: '615310e8-f702-4455-910b-9d6d8aa684fb',
      nameEn: 'Vision impairment',
      on: today,
      responsibility: expect.stringMatching(/^(MUNICIPAL|REGIONAL)$/),
      timeline: expect.any(Array),
    });
  });

  it('finds a target group by its FFB code too; an unknown one is 404', async () => {
    const agent = await t.as('planner-1082');
    const byFfb = await agent.get('/api/v1/target-groups/615310E8-F702-4455-910B-9D6D8AA684FB');
    expect(byFfb.body.code).toBe('VISION');
    expect((await agent.get('/api/v1/target-groups/NOT_A_GROUP')).status).toBe(404);
    const bad = await agent.get('/api/v1/target-groups/VISION?on=2026-02-30');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].pointer).toBe('query:on');
  });

  it('lets the state make VISION regional from 2026-01-01 and announces it, keyed by the target group', async () => {
    // The shared test database holds the referrals other test files decided: a date back in time is allowed only
    // while no VISION referral was decided since (see the 409 below), so this file's world starts without them.
    let res: { status: number; body: Record<string, unknown> } = { status: 0, body: {} };
    await eventually(async () => {
      await t.db.$executeRaw`DELETE FROM referral_activity WHERE target_group = 'VISION'
        AND (decided_on >= '2026-01-01' OR placement_start >= '2026-01-01')`;
      res = await change('VISION', { responsibility: 'REGIONAL', effectiveFrom: '2026-01-01' });
      return res.status !== 409;
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      targetGroup: 'VISION',
      responsibility: 'REGIONAL',
      effectiveFrom: '2026-01-01',
    });

    const event = await waitForEvent(
      TOPICS.plan,
      (e) =>
        e.headers.ce_type === ResponsibilityChanged.type &&
        e.headers.ce_subject === 'VISION' &&
        eventData<EventData<typeof ResponsibilityChanged>>(e).effectiveFrom === '2026-01-01',
      { from: since },
    );
    expect(event.key?.toString()).toBe('VISION');
    expect(eventData(event)).toEqual({
      targetGroup: 'VISION',
      responsibility: 'REGIONAL',
      effectiveFrom: '2026-01-01',
    });

    const on = await (await t.as('caseworker-751')).get('/api/v1/target-groups/VISION?on=2026-01-01');
    expect(on.body.responsibility).toBe('REGIONAL');
    const before = await (await t.as('caseworker-751')).get('/api/v1/target-groups/VISION?on=2025-12-31');
    expect(
      before.body.timeline.some((s: { effectiveFrom: string }) => s.effectiveFrom === '2026-01-01'),
    ).toBe(true);
  });

  it('refuses anyone but the state (403) and records nothing', async () => {
    const [rows, events] = [await changesOf(t, 'VISION'), await eventsOf(t)];
    for (const who of ['planner-461', 'caseworker-101', 'planner-1084', 'finance-state'] as const) {
      const res = await (
        await t.as(who)
      )
        .post('/api/v1/target-groups/VISION/responsibility-changes')
        .send({ responsibility: 'MUNICIPAL', effectiveFrom: '2030-01-01' });
      expect({ who, status: res.status }).toEqual({ who, status: 403 });
    }
    expect([await changesOf(t, 'VISION'), await eventsOf(t)]).toEqual([rows, events]);
  });

  it('refuses a change dated back over a decided placement (409), explaining the earliest date allowed', async () => {
    const referral = await decidedReferral('HEARING', '2026-03-10');
    try {
      const [rows, events] = [await changesOf(t, 'HEARING'), await eventsOf(t)];
      const res = await change('HEARING', { responsibility: 'REGIONAL', effectiveFrom: '2026-02-01' });
      expect(res.status).toBe(409);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body).toMatchObject({
        type: 'urn:dk:social:problem:retroactive-responsibility-change',
        targetGroup: 'HEARING',
        effectiveFrom: '2026-02-01',
        decidedReferrals: expect.any(Number),
        detail: expect.stringContaining('never applies retroactively'),
      });
      expect(res.body.decidedReferrals).toBeGreaterThanOrEqual(1);
      expect(res.body.earliestAllowed > '2026-03-10').toBe(true);
      expect([await changesOf(t, 'HEARING'), await eventsOf(t)]).toEqual([rows, events]);
    } finally {
      await referral.remove();
    }
  });

  it('accepts the same change from today on, whatever was decided', async () => {
    const res = await change('HEARING', { responsibility: 'MUNICIPAL', effectiveFrom: today });
    expect(res.status).toBe(201);
    const agent = await t.as('planner-state');
    const tomorrow = await agent.get(`/api/v1/target-groups/HEARING?on=${addDays(today, 1)}`);
    expect(tomorrow.body.responsibility).toBe('MUNICIPAL');
  });

  it('names the field of a bad body (400)', async () => {
    const agent = await t.as('planner-state');
    const res = await agent
      .post('/api/v1/target-groups/HEARING/responsibility-changes')
      .send({ responsibility: 'STATE', effectiveFrom: '1999-01-01', extra: 1 });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual([
      '/effectiveFrom',
      '/extra',
      '/responsibility',
    ]);
  });

  it('never answers a random body with a 5xx, and records a change only with its event', async () => {
    // A group no other test file uses, so a random body that happens to be valid changes nothing they rely on.
    const path = '/api/v1/target-groups/INTELLECTUAL_DISABILITY_BEHAVIOUR/responsibility-changes';
    const agent = await t.as('planner-state');
    const value = fc.oneof(
      fc.jsonValue(),
      fc.constantFrom('REGIONAL', 'MUNICIPAL', '2030-01-01', today, '2026-02-30', '2006-12-31', ''),
    );
    const body = fc.oneof(
      fc.jsonValue(),
      fc.dictionary(fc.constantFrom('responsibility', 'effectiveFrom', 'extra', 'constructor'), value, {
        maxKeys: 3,
      }),
    );
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const before = [await changesOf(t, 'INTELLECTUAL_DISABILITY_BEHAVIOUR'), await eventsOf(t)];
        const res = await agent.post(path).set('Content-Type', 'application/json').send(JSON.stringify(b));
        expect(res.status).toBeLessThan(500);
        const after = [await changesOf(t, 'INTELLECTUAL_DISABILITY_BEHAVIOUR'), await eventsOf(t)];
        expect(after).toEqual(res.status === 201 ? [before[0] + 1, before[1] + 1] : before);
      }),
      { numRuns: 50 },
    );
  });
});
