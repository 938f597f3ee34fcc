import {
  EVENT_CATALOGUE,
  MonthlyCostTotals,
  OfferUpdated,
  PlacementEnded,
  PlacementStarted,
  ResponsibilityChanged,
  TOPICS,
} from '@platform/contracts';
import { collectEvents, eventData, eventually, type TestService } from '@platform/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { CostAccrualScheduler } from '../src/cost/cost-accrual.scheduler';
import type { PrismaService } from '../src/database/prisma.service';
import { MonthlyTotalsScheduler } from '../src/report/monthly-totals.scheduler';
import { closeDelivery, deliver } from './support/events';
import { useFinancing } from './support/service';

interface Line {
  referralId: string;
  month: string;
  days: number;
  amountOre: number;
  version: number;
  payer: { type: string; code: string };
  citizenPseudonym?: string;
  correlationId: string | null;
}

/**
 * The stored cost ledger from real events on Kafka through the inbox: a placement of Odense (461) at an offer of
 * Region Syddanmark (1083) in a target group of this run's own, so no other test's responsibility changes touch it.
 */
describe('stored cost lines, the monthly jobs and the population key', () => {
  let t: TestService<PrismaService>;
  const since = new Date();
  const offerId = randomUUID();
  const referralId = randomUUID();
  const pseudonym = randomBytes(32).toString('hex');
  /** The case's correlation id: that of the first placement-started (sent without one, so its own ce_id). */
  let caseId: string;
  const targetGroup = `LEDGER_${randomBytes(4).toString('hex').toUpperCase()}`;
  const started = {
    referralId,
    municipalityCode: '461',
    offerId,
    operatorOrgCode: '1083',
    citizenPseudonym: pseudonym,
    ageGroup: 'ADULT' as const,
    targetGroup,
    level: 'HIGH' as const,
    startDate: '2026-03-10',
    deviation: false,
    followsAdvice: true,
  };

  useFinancing((service) => (t = service));
  afterAll(() => closeDelivery());

  const lines = async (who: 'planner-461' | 'planner-1083' | 'caseworker-751', query: string) => {
    const res = await (await t.as(who)).get(`/api/v1/cost-lines?year=2026&${query}`);
    return { status: res.status, items: (res.body.items ?? []) as Line[] };
  };
  const own = async () => (await lines('planner-461', `referralId=${referralId}`)).items;

  it('learns the offer, and its operator sets the 2026 day rate', async () => {
    await deliver(
      OfferUpdated,
      offerId,
      {
        offerId,
        version: 1,
        name: 'Ledger test offer, Odense',
        operatorOrgType: 'region',
        operatorOrgCode: '1083',
        level: 'HIGH',
        targetGroups: [targetGroup],
        places: 4,
        active: true,
        municipalityCode: '461',
      },
      'specialty-planning',
    );
    await eventually(async () => (await t.db.offer.findUnique({ where: { id: offerId } })) !== null, 30_000);
    const rate = await (
      await t.as('planner-1083')
    )
      .put(`/api/v1/offers/${offerId}/rates/2026`)
      .send({ unit: 'DAY', amount: '3000.00' });
    expect(rate.status).toBe(200);
  }, 40_000);

  it('accrues each month of the placement exactly once, however often placement-started is delivered', async () => {
    // Twice with one id (a redelivery), and once more with another id (the producer sent it again).
    caseId = await deliver(PlacementStarted, referralId, started, 'referrals', 2);
    await deliver(PlacementStarted, referralId, started, 'referrals');
    await eventually(async () => (await own()).length === 10, 30_000);
    const items = await own();
    expect(items.map((l) => l.month)).toEqual([
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
    expect(items[0]).toMatchObject({
      days: 22,
      amountOre: 22 * 300_000,
      version: 1,
      citizenPseudonym: pseudonym,
    });
    expect(items.every((l) => l.version === 1 && l.payer.code === '461')).toBe(true);
    expect(items.every((l) => l.correlationId === caseId)).toBe(true);
    expect(await t.db.costLine.count({ where: { referralId } })).toBe(10);
  }, 40_000);

  it('finds the lines by pseudonym for the municipality; a region may not look one up (403), another municipality sees none', async () => {
    expect((await lines('planner-461', `citizenPseudonym=${pseudonym}`)).items).toHaveLength(10);
    expect((await lines('planner-1083', `citizenPseudonym=${pseudonym}`)).status).toBe(403);
    expect((await lines('caseworker-751', `referralId=${referralId}`)).items).toEqual([]);
    expect((await lines('planner-461', 'citizenPseudonym=not-a-pseudonym')).status).toBe(400);
  });

  it('a responsibility change moves the months from June to the region, with the next version; earlier months stay', async () => {
    await deliver(
      ResponsibilityChanged,
      targetGroup,
      { targetGroup, responsibility: 'REGIONAL', effectiveFrom: '2026-06-01' },
      'specialty-planning',
    );
    await eventually(async () => (await own()).find((l) => l.month === '2026-06')?.version === 2, 30_000);
    const items = await own();
    expect(items.find((l) => l.month === '2026-05')).toMatchObject({ version: 1, payer: { code: '461' } });
    // Re-accrued by another event (another correlation id), the month keeps the case's.
    expect(items.find((l) => l.month === '2026-06')).toMatchObject({
      version: 2,
      payer: { type: 'region', code: '1083' },
      correlationId: caseId,
    });
    const region = await lines('planner-1083', `referralId=${referralId}`);
    expect(region.items.map((l) => l.month)).toContain('2026-06');
    expect(region.items.every((l) => l.citizenPseudonym === undefined)).toBe(true);
  }, 40_000);

  it('placement-ended replaces the last month and removes the months after it', async () => {
    await deliver(PlacementEnded, referralId, { ...pick(started), endDate: '2026-07-15' }, 'referrals');
    await eventually(async () => (await own()).length === 5, 30_000);
    expect((await own()).find((l) => l.month === '2026-07')).toMatchObject({ days: 15, version: 3 });
  }, 40_000);

  it('a new rate re-accrues the year in the same transaction', async () => {
    const res = await (
      await t.as('planner-1083')
    )
      .put(`/api/v1/offers/${offerId}/rates/2026`)
      .send({ unit: 'DAY', amount: '3500.00' });
    expect(res.status).toBe(200);
    const march = (await own()).find((l) => l.month === '2026-03');
    expect(march).toMatchObject({ amountOre: 22 * 350_000, version: 2, correlationId: caseId });
  });

  it('the monthly accrual job accrues a month once: a lost month comes back, a second run does nothing', async () => {
    const job = t.app.get(CostAccrualScheduler);
    await t.db.costAccrualRun.deleteMany({ where: { month: '2026-07' } });
    await t.db.costLine.deleteMany({ where: { referralId, month: '2026-07' } });
    const run = await job.run('2026-07-02');
    expect(run).toMatchObject({ month: '2026-07' });
    expect(run!.placements).toBeGreaterThanOrEqual(1);
    expect((await own()).find((l) => l.month === '2026-07')).toMatchObject({
      days: 15,
      version: 1,
      correlationId: caseId,
    });
    expect(await job.run('2026-07-20')).toBeNull();
  }, 120_000);

  it('the monthly totals job publishes a closed month’s totals per payer once, on the funding stream', async () => {
    const job = t.app.get(MonthlyTotalsScheduler);
    const first = await job.run('2026-08-01', 2);
    const june = first.find(
      (x) => x.month === '2026-06' && x.payerType === 'region' && x.payerCode === '1083',
    );
    expect(june).toBeDefined();
    const second = await job.run('2026-08-01', 2);
    expect(second.some((x) => x.month === '2026-06' && x.payerCode === '1083')).toBe(false);
    await eventually(async () => {
      const events = (await collectEvents(TOPICS.funding, { from: since })).filter(
        (e) => e.headers.ce_type === MonthlyCostTotals.type && e.key?.toString() === 'region-1083-2026-06',
      );
      if (events.length === 0) return false;
      expect(events).toHaveLength(1);
      const data = eventData(events[0]!);
      expect(
        EVENT_CATALOGUE.find((d) => d.type === MonthlyCostTotals.type)!.schema.safeParse(data).success,
      ).toBe(true);
      expect(JSON.stringify(data)).not.toContain(pseudonym);
      return true;
    }, 30_000);
  }, 90_000);

  it('the state allocates a POPULATION grant without weights from FOLK1A; before the oldest reference it is 400', async () => {
    await t.db
      .$executeRaw`DELETE FROM block_grant_allocation WHERE grant_id IN (SELECT id FROM block_grant WHERE year = 2028)`;
    await t.db.$executeRaw`DELETE FROM block_grant WHERE year = 2028`;
    const state = await t.as('finance-state');
    const res = await state
      .post('/api/v1/block-grants')
      .send({ year: 2028, total: '1000000000.00', key: 'POPULATION' });
    expect(res.status).toBe(201);
    expect(res.body.weightsSource).toMatch(/^FOLK1A 2024-01-01: /);
    expect(
      res.body.allocations.map((a: { regionCode: string; weight: string }) => [a.regionCode, a.weight]),
    ).toEqual([
      ['1081', '593135'],
      ['1082', '1365688'],
      ['1083', '1238406'],
      ['1086', '2764020'],
    ]);
    expect(res.body.allocations.reduce((s: number, a: { amountOre: number }) => s + a.amountOre, 0)).toBe(
      100_000_000_000,
    );
    const old = await state
      .post('/api/v1/block-grants')
      .send({ year: 2018, total: '1.00', key: 'POPULATION' });
    expect(old.status).toBe(400);
    expect(old.body.errors[0].pointer).toBe('/weights');
    expect((await t.db.blockGrant.count({ where: { year: 2018 } })) === 0).toBe(true);
  });
});

/** What placement-ended repeats of placement-started. */
function pick(s: {
  referralId: string;
  municipalityCode: string;
  offerId: string;
  operatorOrgCode: string;
  citizenPseudonym: string;
}) {
  return {
    referralId: s.referralId,
    municipalityCode: s.municipalityCode,
    offerId: s.offerId,
    operatorOrgCode: s.operatorOrgCode,
    citizenPseudonym: s.citizenPseudonym,
  };
}
