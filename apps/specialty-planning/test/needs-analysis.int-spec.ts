import { NeedsAnalysisGap, TOPICS, type EventData } from '@platform/contracts';
import { todayInDenmark } from '@platform/domain';
import { eventData, waitForEvent, type TestService } from '@platform/testing';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import type { PrismaService } from '../src/database/prisma.service';
import { usePlanning } from './support/service';

type Line = {
  targetGroup: string;
  demand: { referrals: number; waiting: number; capacityRejections: number };
  supply: { places: number };
  gap: { id: string; kinds: string[] } | null;
};
const FEBRUARY = { frameworkAreaCode: 'RA-1082', from: '2026-02-01', to: '2026-02-28' };
const lineOf = (body: { targetGroups: Line[] }, group: string) =>
  body.targetGroups.find((l) => l.targetGroup === group)!;

describe('scenario 4: the needs analysis of the framework area of region 1082', () => {
  let t: TestService<PrismaService>;
  const since = new Date();
  usePlanning((service) => (t = service));

  /** A referral of `municipalityCode` turned away by a full offer, as the referral events leave it in the read model. */
  async function rejectedForCapacity(municipalityCode: string, on: string) {
    const referralId = randomUUID();
    await t.db.$executeRaw`
      INSERT INTO referral_activity (referral_id, municipality_code, target_group, referral_date, status, offer_id,
                                     updated_at)
      VALUES (${referralId}::uuid, ${municipalityCode}, 'EATING_DISORDERS', ${on}::date, 'REJECTED',
              ${randomUUID()}::uuid, now())`;
    await t.db.$executeRaw`
      INSERT INTO referral_rejection (event_id, referral_id, offer_id, municipality_code, target_group, reason,
                                      rejected_on)
      VALUES (${randomUUID()}, ${referralId}::uuid, ${randomUUID()}::uuid, ${municipalityCode}, 'EATING_DISORDERS',
              'NO_CAPACITY', ${on}::date)`;
    return referralId;
  }

  const analyse = async (who: 'planner-1082' | 'planner-state' = 'planner-1082', body: object = FEBRUARY) =>
    (await t.as(who)).post('/api/v1/needs-analyses').send(body);

  let analysis: { id: string; targetGroups: Line[] };

  it('counts the capacity rejections of the area’s municipalities only, names the gap and emits it', async () => {
    const baseline = lineOf((await analyse()).body, 'EATING_DISORDERS');
    const referrals = [
      await rejectedForCapacity('751', '2026-02-10'),
      await rejectedForCapacity('657', '2026-02-20'),
      await rejectedForCapacity('461', '2026-02-15'), // Odense: region 1083, another area
      await rejectedForCapacity('751', '2026-03-01'), // after the period
    ];
    try {
      const res = await analyse();
      expect(res.status).toBe(201);
      expect(res.headers.location).toBe(`/api/v1/needs-analyses/${res.body.id}`);
      expect(res.body).toMatchObject({
        frameworkAreaCode: 'RA-1082',
        regionCode: '1082',
        ...{ from: '2026-02-01' },
      });
      expect(res.body.municipalityCodes).toHaveLength(19);
      expect(res.body.targetGroups).toHaveLength(11);
      analysis = res.body;
      const line = lineOf(res.body, 'EATING_DISORDERS');
      expect(line.demand.capacityRejections).toBe(baseline.demand.capacityRejections + 2);
      expect(line.demand.referrals).toBe(baseline.demand.referrals + 2);
      expect(line.gap).toEqual({
        id: expect.any(String),
        kinds: expect.arrayContaining(['CAPACITY_REJECTIONS']),
      });

      const event = await waitForEvent(TOPICS.plan, (e) => e.key?.toString() === line.gap!.id, {
        from: since,
      });
      expect(event.headers.ce_type).toBe(NeedsAnalysisGap.type);
      expect(NeedsAnalysisGap.schema.parse(eventData(event))).toMatchObject<
        Partial<EventData<typeof NeedsAnalysisGap>>
      >({
        analysisId: res.body.id,
        gapId: line.gap!.id,
        frameworkAreaCode: 'RA-1082',
        regionCode: '1082',
        targetGroup: 'EATING_DISORDERS',
        periodFrom: '2026-02-01',
        periodTo: '2026-02-28',
        kinds: line.gap!.kinds as EventData<typeof NeedsAnalysisGap>['kinds'],
        capacityRejections: line.demand.capacityRejections,
      });
    } finally {
      await t.db.$executeRaw`DELETE FROM referral_rejection WHERE referral_id = ANY(${referrals}::uuid[])`;
      await t.db.$executeRaw`DELETE FROM referral_activity WHERE referral_id = ANY(${referrals}::uuid[])`;
    }
  });

  it('stores the analysis as it was computed, readable by id and by area', async () => {
    const agent = await t.as('caseworker-751');
    const one = await agent.get(`/api/v1/needs-analyses/${analysis.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(analysis);
    const list = await agent.get('/api/v1/needs-analyses?frameworkAreaCode=RA-1082&limit=5');
    expect(list.body.items.map((a: { id: string }) => a.id)).toContain(analysis.id);
    const other = await agent.get('/api/v1/needs-analyses?frameworkAreaCode=RA-1083');
    expect(other.body.items.map((a: { id: string }) => a.id)).not.toContain(analysis.id);
    expect((await agent.get(`/api/v1/needs-analyses/${randomUUID()}`)).status).toBe(404);
    expect((await agent.get('/api/v1/needs-analyses?frameworkAreaCode=RA-1')).status).toBe(400);
  });

  it('is made by the area’s region or the state only', async () => {
    expect((await analyse('planner-state')).status).toBe(201);
    for (const who of ['planner-1083', 'planner-751', 'caseworker-1082'] as const) {
      const res = await (await t.as(who)).post('/api/v1/needs-analyses').send(FEBRUARY);
      expect({ who, status: res.status }).toEqual({ who, status: 403 });
    }
  });

  it('names the field of a bad area or period (400)', async () => {
    const pointer = async (body: object) => (await analyse('planner-state', body)).body.errors?.[0]?.pointer;
    expect(await pointer({ ...FEBRUARY, frameworkAreaCode: 'RA-1090' })).toBe('/frameworkAreaCode');
    expect(await pointer({ ...FEBRUARY, to: '2026-01-31' })).toBe('/to');
    expect(await pointer({ ...FEBRUARY, from: '2026-02-30' })).toBe('/from');
    expect(await pointer({ frameworkAreaCode: 'RA-1086', from: '2026-01-01', to: todayInDenmark() })).toBe(
      '/from',
    );
  });

  it('never answers a random body with a 5xx, and stores an analysis only with its gap events', async () => {
    const agent = await t.as('planner-1082');
    const value = fc.oneof(
      fc.jsonValue(),
      fc.constantFrom(
        'RA-1082',
        '1082',
        'RA-1084',
        '2026-02-01',
        '2026-02-28',
        '2016-01-01',
        '2030-01-01',
        '',
      ),
    );
    const body = fc.oneof(
      fc.jsonValue(),
      fc.dictionary(fc.constantFrom('frameworkAreaCode', 'from', 'to', 'extra'), value, { maxKeys: 4 }),
    );
    const counts = async () => [
      await t.db.needsAnalysis.count(),
      await t.db.outboxMessage.count({ where: { eventType: NeedsAnalysisGap.type } }),
    ];
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const [analyses, events] = await counts();
        const res = await agent
          .post('/api/v1/needs-analyses')
          .set('Content-Type', 'application/json')
          .send(JSON.stringify(b));
        expect(res.status).toBeLessThan(500);
        const gaps = res.status === 201 ? res.body.gapCount : 0;
        expect(await counts()).toEqual(
          res.status === 201 ? [analyses + 1, events + gaps] : [analyses, events],
        );
      }),
      { numRuns: 50 },
    );
  });
});
