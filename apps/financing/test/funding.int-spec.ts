import {
  BlockGrantAllocated,
  CoFinancingInvoiced,
  EVENT_CATALOGUE,
  RiskCapitalGranted,
  TOPICS,
} from '@platform/contracts';
import { addDays, todayInDenmark } from '@platform/domain';
import {
  eventData,
  eventually,
  giveAdvice,
  registerOffer,
  startServiceProcess,
  testDatabaseUrl,
  waitForEvent,
  type ServiceProcess,
  type TestService,
} from '@platform/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { PrismaService } from '../src/database/prisma.service';
import { advisoryFunctionInRegion } from './support/knowledge';
import { useFinancing } from './support/service';

const BANDS = [
  { threshold: '860000.00', percent: 25 },
  { threshold: '1680000.00', percent: 50 },
  { threshold: '2120000.00', percent: 75 },
];
const CO_FINANCING = [
  { fromMonth: 1, sharePercent: 10 },
  { fromMonth: 13, sharePercent: 25 },
];

/** The funding event's data matches its contract and names no citizen (no pseudonym, no referral). */
function checkFundingEvent(data: unknown, type: string, referralId?: string) {
  expect(EVENT_CATALOGUE.find((d) => d.type === type)!.schema.safeParse(data).success).toBe(true);
  const raw = JSON.stringify(data);
  expect(raw).not.toMatch(/[0-9a-f]{64}/);
  if (referralId) expect(raw).not.toContain(referralId);
}

/**
 * Scenario 1 step 5 (regional responsibility: the region carries the cost, the municipality co-finances), block grants
 * across the 2027 merger, and scenario 4's risk capital for a needs-analysis gap from specialty planning.
 */
describe('funding: co-financing, block grants and risk capital', () => {
  let t: TestService<PrismaService>;
  let planning: ServiceProcess;
  let referrals: ServiceProcess;
  let knowledge: ServiceProcess;
  const since = new Date();
  const today = todayInDenmark();
  const start = addDays(today, 14);
  const month = start.slice(0, 7);
  let offerId: string;
  let referralId: string;
  let advisoryFunctionId: string;

  useFinancing((service) => (t = service));

  beforeAll(async () => {
    [planning, referrals, knowledge] = await Promise.all([
      startServiceProcess('specialty-planning'),
      startServiceProcess('referrals'),
      startServiceProcess('knowledge'),
    ]);
    // One grant per year: earlier runs of this file allocated these years already.
    await t.db
      .$executeRaw`DELETE FROM block_grant_allocation WHERE grant_id IN (SELECT id FROM block_grant WHERE year IN (2026, 2027))`;
    await t.db.$executeRaw`DELETE FROM block_grant WHERE year IN (2026, 2027)`;
  }, 120_000);
  afterAll(async () => {
    await Promise.all([planning?.stop(), referrals?.stop(), knowledge?.stop()]);
  });

  it('the state puts rule sets with a co-financing schedule in force for 2026 and 2027', async () => {
    const state = await t.as('finance-state');
    for (const year of [2026, 2027]) {
      const created = await state.post('/api/v1/rule-sets').send({
        year,
        name: `Medfinansiering ${year} (test)`,
        effectiveFrom: `${year}-01-01`,
        bands: BANDS,
        adviceCondition: 'NONE',
        coFinancing: CO_FINANCING,
        knowledgeOverheadPercent: 2,
      });
      expect(created.status).toBe(201);
      const res = await state
        .post(`/api/v1/rule-sets/${created.body.id}/put-in-force`)
        .set('If-Match', created.headers.etag);
      expect(res.status).toBe(200);
    }
  });

  it('VISION is regional; a placement of 101 at Synscenter Hovedstaden (region 1084) starts through the real referral flow', async () => {
    const state = await planning.as('planner-state');
    const responsibility = await state
      .post('/api/v1/target-groups/VISION/responsibility-changes')
      .send({ responsibility: 'REGIONAL', effectiveFrom: today });
    expect([200, 201]).toContain(responsibility.status);
    const offer = await registerOffer(planning, { name: 'Synscenter Hovedstaden (financing test)' });
    offerId = offer.offerId;
    await eventually(async () => (await t.db.offer.findUnique({ where: { id: offerId } })) !== null, 30_000);
    const region = await t.as('planner-1084');
    for (const year of [2026, 2027])
      expect(
        (
          await region
            .put(`/api/v1/offers/${offerId}/rates/${year}`)
            .send({ unit: 'DAY', amount: '4500.00', knowledgeOverhead: '90.00' })
        ).status,
      ).toBe(200);
    // The offer holds region 1084's advisory function for VISION: 101's advice case is assigned there.
    advisoryFunctionId = await advisoryFunctionInRegion(planning, knowledge, offer, 'VISION', '1084');

    const caseworker = await referrals.as('caseworker-101');
    await eventually(async () => {
      const res = await caseworker
        .post('/api/v1/referrals')
        .send({ cpr: '0101901234', targetGroup: 'VISION', assessedLevel: 'HIGH', referralDate: today });
      referralId = res.body.id;
      return res.status === 201;
    }, 20_000);
    const step = async (who: 'caseworker-101' | 'caseworker-1084', path: string, body: object = {}) => {
      const agent = await referrals.as(who);
      const current = await agent.get(`/api/v1/referrals/${referralId}`);
      return agent
        .post(`/api/v1/referrals/${referralId}/${path}`)
        .set('If-Match', current.headers.etag)
        .send(body);
    };
    expect((await step('caseworker-101', 'submit')).body.status).toBe('AWAITING_ADVICE');
    // Region 1084's advisor answers the advice case knowledge opened; knowledge publishes AdviceGiven.
    const answered = await giveAdvice(knowledge, referralId, {
      level: 'HIGH',
      offerId,
      rationale: 'The special function for vision',
    });
    expect(answered).toMatchObject({
      status: 'ADVICE_GIVEN',
      assignment: { kind: 'OWN_REGION', regionCode: '1084' },
    });
    await eventually(
      async () =>
        (await (await referrals.as('caseworker-101')).get(`/api/v1/referrals/${referralId}`)).body.status ===
        'READY_FOR_DECISION',
      30_000,
    );
    await eventually(
      async () =>
        (await step('caseworker-101', 'decision', { offerId, level: 'HIGH', startDate: start })).status ===
        200,
      20_000,
    );
    expect((await step('caseworker-101', 'send')).status).toBe(200);
    expect((await step('caseworker-1084', 'accept')).status).toBe(200);
    expect((await step('caseworker-1084', 'placement/start')).body.status).toBe('PLACEMENT_ACTIVE');
    await eventually(
      async () => (await t.db.placement.findUnique({ where: { referralId } }))?.followsAdvice === true,
      30_000,
    );
  }, 240_000);

  it('the region carries the cost: 1084 in 2026, Østdanmark (1086) from 2027, and the municipality pays nothing itself', async () => {
    const muni = await t.as('caseworker-101');
    const lines2026 = (await muni.get(`/api/v1/cost-lines?year=${start.slice(0, 4)}`)).body.items.filter(
      (l: { referralId: string }) => l.referralId === referralId,
    );
    expect(lines2026[0]).toMatchObject({
      responsibility: 'REGIONAL',
      payer: { type: 'region', code: '1084' },
      firstDay: start,
    });
    const lines2027 = (await muni.get('/api/v1/cost-lines?year=2027&throughMonth=1')).body.items.filter(
      (l: { referralId: string }) => l.referralId === referralId,
    );
    expect(lines2027).toEqual([
      expect.objectContaining({
        payer: { type: 'region', code: '1086' },
        days: 31,
        amountOre: 31 * 450_000,
        knowledgeOverheadOre: 31 * 9_000,
      }),
    ]);
    const region = (await (await t.as('planner-1084')).get(`/api/v1/cost-lines?year=${start.slice(0, 4)}`))
      .body.items;
    expect(
      region.some(
        (l: { referralId: string; citizenPseudonym?: string }) =>
          l.referralId === referralId && l.citizenPseudonym === undefined,
      ),
    ).toBe(true);
  });

  it('1084 invoices 101 the month’s co-financing (10 % in the first year); 101 disputes, 1084 records payment', async () => {
    const issued = await (await t.as('planner-1084')).post('/api/v1/co-financing-invoices').send({ month });
    expect(issued.status).toBe(200);
    const invoice = issued.body.items.find((i: { referralId: string }) => i.referralId === referralId);
    const days = lastDayOf(month) - Number(start.slice(8)) + 1; // from the start day to the month's end
    expect(invoice).toMatchObject({
      regionCode: '1084',
      municipalityCode: '101',
      sharePercentBp: 1000,
      costOre: days * 450_000,
      amountOre: days * 45_000,
      status: 'ISSUED',
    });
    const again = await (await t.as('planner-1084')).post('/api/v1/co-financing-invoices').send({ month });
    expect(again.body.items.some((i: { referralId: string }) => i.referralId === referralId)).toBe(false);

    const muni = await t.as('caseworker-101');
    const listing = `invoices-${randomUUID()}`;
    const seen = (
      await muni.get(`/api/v1/co-financing-invoices?month=${month}`).set('X-Request-Id', listing)
    ).body.items.find((i: { id: string }) => i.id === invoice.id);
    expect(seen).toBeDefined();
    // An invoice is the citizen's placement in a month: the listing is an audited read of that citizen.
    const { citizenPseudonym } = await t.db.placement.findUniqueOrThrow({ where: { referralId } });
    const audited = await t.db.outboxMessage.findMany({
      where: { topic: TOPICS.audit, payload: { path: ['requestId'], equals: listing } },
    });
    expect(audited.map((a) => a.payload)).toContainEqual(
      expect.objectContaining({
        action: 'co-financing-invoice.list',
        citizenPseudonym,
        purpose: 'financing',
        outcome: 'ALLOWED',
      }),
    );
    expect(
      (
        await (await t.as('caseworker-751')).get(`/api/v1/co-financing-invoices?month=${month}`)
      ).body.items.some((i: { id: string }) => i.id === invoice.id),
    ).toBe(false);
    const disputed = await muni
      .post(`/api/v1/co-financing-invoices/${invoice.id}/dispute`)
      .set('If-Match', 'W/"1"')
      .send({ reason: 'The placement started later' });
    expect(disputed.body.status).toBe('DISPUTED');
    expect(
      (
        await (
          await t.as('planner-1082')
        )
          .post(`/api/v1/co-financing-invoices/${invoice.id}/paid`)
          .set('If-Match', disputed.headers.etag)
      ).status,
    ).toBe(404);
    const paid = await (
      await t.as('planner-1084')
    )
      .post(`/api/v1/co-financing-invoices/${invoice.id}/paid`)
      .set('If-Match', disputed.headers.etag);
    expect(paid.body.status).toBe('PAID');

    const event = await waitForEvent(
      TOPICS.funding,
      (e) =>
        e.headers.ce_type === CoFinancingInvoiced.type &&
        eventData<{ municipalityCode: string; month: string }>(e).month === month,
      { from: since, timeoutMs: 30_000 },
    );
    checkFundingEvent(eventData(event), CoFinancingInvoiced.type, referralId);
  });

  it('block grants: 2026 to five regions, 2027 to four with Østdanmark; instalments add up; a region sees its own share', async () => {
    const state = await t.as('finance-state');
    const g2026 = await state.post('/api/v1/block-grants').send({
      year: 2026,
      total: '1000000000.00',
      key: 'POPULATION',
      weights: { '1081': 589, '1082': 1353, '1083': 1226, '1084': 1890, '1085': 843 },
    });
    expect(g2026.status).toBe(201);
    const wrong = await state.post('/api/v1/block-grants').send({
      year: 2027,
      total: '1000000000.00',
      key: 'NEED',
      weights: { '1081': 1, '1082': 1, '1083': 1, '1084': 1, '1085': 1 },
    });
    expect(wrong.status).toBe(400);
    const g2027 = await state.post('/api/v1/block-grants').send({
      year: 2027,
      total: '1000000000.01',
      key: 'NEED',
      weights: { '1081': 1, '1082': 2, '1083': 2, '1086': 3 },
    });
    expect(g2027.status).toBe(201);
    expect(g2027.body.allocations.map((a: { regionCode: string }) => a.regionCode)).toEqual([
      '1081',
      '1082',
      '1083',
      '1086',
    ]);
    const total = g2027.body.allocations.reduce((s: number, a: { amountOre: number }) => s + a.amountOre, 0);
    expect(total).toBe(100_000_000_001);
    for (const a of g2027.body.allocations)
      expect(a.instalments.reduce((s: number, x: number) => s + x, 0)).toBe(a.amountOre);
    expect(
      (
        await (
          await t.as('planner-1082')
        )
          .post('/api/v1/block-grants')
          .send({ year: 2028, total: '1.00', key: 'NEED', weights: {} })
      ).status,
    ).toBe(403);

    const own = (await (await t.as('planner-1084')).get('/api/v1/block-grants?year=2026')).body.items[0];
    expect(own.allocations.map((a: { regionCode: string }) => a.regionCode)).toEqual(['1084']);
    expect(
      (await (await t.as('planner-1084')).get('/api/v1/block-grants?year=2027')).body.items[0].allocations,
    ).toEqual([]);
    const paid = await state.post(`/api/v1/block-grants/${g2026.body.id}/instalments/1/pay`);
    expect(paid.status).toBe(200);
    expect((await state.post(`/api/v1/block-grants/${g2026.body.id}/instalments/1/pay`)).status).toBe(409);
    const event = await waitForEvent(
      TOPICS.funding,
      (e) => e.headers.ce_type === BlockGrantAllocated.type && e.key?.toString() === g2027.body.id,
      { from: since, timeoutMs: 30_000 },
    );
    checkFundingEvent(eventData(event), BlockGrantAllocated.type);
  });

  it('scenario 4: region 1082 applies for a loan for a needs-analysis gap from specialty planning; the state grants it', async () => {
    // A full offer turned two Aarhus referrals away in May 2026, as the referral events leave it in planning's read model.
    const planningDb = new Client({ connectionString: testDatabaseUrl('specialty-planning') });
    await planningDb.connect();
    try {
      for (const on of ['2026-05-10', '2026-05-20']) {
        const id = randomUUID();
        await planningDb.query(
          `INSERT INTO referral_activity (referral_id, municipality_code, target_group, referral_date, status, offer_id, updated_at)
           VALUES ($1::uuid, '751', 'EATING_DISORDERS', $2::date, 'REJECTED', $3::uuid, now())`,
          [id, on, randomUUID()],
        );
        await planningDb.query(
          `INSERT INTO referral_rejection (event_id, referral_id, offer_id, municipality_code, target_group, reason, rejected_on)
           VALUES ($1, $2::uuid, $3::uuid, '751', 'EATING_DISORDERS', 'NO_CAPACITY', $4::date)`,
          [randomUUID(), id, randomUUID(), on],
        );
      }
    } finally {
      await planningDb.end();
    }
    const analysis = await (
      await planning.as('planner-1082')
    )
      .post('/api/v1/needs-analyses')
      .send({ frameworkAreaCode: 'RA-1082', from: '2026-05-01', to: '2026-05-31' });
    expect(analysis.status).toBe(201);
    const gapId = analysis.body.targetGroups.find(
      (l: { targetGroup: string }) => l.targetGroup === 'EATING_DISORDERS',
    ).gap.id;
    await eventually(async () => (await t.db.needsGap.findUnique({ where: { gapId } })) !== null, 30_000);

    const body = {
      gapId,
      kind: 'LOAN',
      amount: '5000000.00',
      purpose: 'Six places for severe eating disorders in Aarhus',
      repaymentYears: 5,
      firstRepaymentYear: 2028,
    };
    expect(
      (await (await t.as('planner-1084')).post('/api/v1/risk-capital-applications').send(body)).status,
    ).toBe(404);
    expect(
      (
        await (
          await t.as('planner-1082')
        )
          .post('/api/v1/risk-capital-applications')
          .send({ ...body, repaymentYears: undefined })
      ).status,
    ).toBe(400);
    const applied = await (await t.as('planner-1082')).post('/api/v1/risk-capital-applications').send(body);
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({
      status: 'SUBMITTED',
      targetGroup: 'EATING_DISORDERS',
      amountOre: 500_000_000,
    });
    expect(
      (
        await (
          await t.as('planner-1082')
        )
          .post(`/api/v1/risk-capital-applications/${applied.body.id}/decision`)
          .set('If-Match', applied.headers.etag)
          .send({ approved: true })
      ).status,
    ).toBe(403);
    const granted = await (
      await t.as('finance-state')
    )
      .post(`/api/v1/risk-capital-applications/${applied.body.id}/decision`)
      .set('If-Match', applied.headers.etag)
      .send({ approved: true });
    expect(granted.status).toBe(200);
    expect(granted.body.status).toBe('GRANTED');
    expect(granted.body.repayments).toHaveLength(5);
    expect(granted.body.repayments.reduce((s: number, r: { amountOre: number }) => s + r.amountOre, 0)).toBe(
      500_000_000,
    );
    const event = await waitForEvent(
      TOPICS.funding,
      (e) => e.headers.ce_type === RiskCapitalGranted.type && e.key?.toString() === applied.body.id,
      { from: since, timeoutMs: 30_000 },
    );
    checkFundingEvent(eventData(event), RiskCapitalGranted.type);
  });

  it('streams cost totals as CSV and JSON without citizens', async () => {
    const csv = await (
      await t.as('planner-1084')
    ).get(`/api/v1/cost-totals?year=${start.slice(0, 4)}&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text.split('\n')[0]).toBe(
      'month;payer_type;payer_code;placements;days;amount_ore;knowledge_overhead_ore',
    );
    expect(csv.text).toContain(`${month};region;1084;`);
    expect(csv.text).not.toMatch(/[0-9a-f]{64}/);
    const json = await (await t.as('caseworker-101')).get(`/api/v1/cost-totals?year=${start.slice(0, 4)}`);
    expect(json.body.items.every((r: { payerCode: string }) => r.payerCode === '101')).toBe(true);
  });

  it('knowledge funding: the advisory function of the offer accrues 2 % of its 2027 cost, as its rate declared', async () => {
    // The advisory function that answered the referral's advice case (approved in the placement test).
    const functionId = advisoryFunctionId;
    await eventually(
      async () => (await t.db.fundedFunction.findUnique({ where: { functionId } })) !== null,
      30_000,
    );
    const report = await (await t.as('planner-1084')).get('/api/v1/knowledge-funding?year=2027');
    expect(report.status).toBe(200);
    const item = report.body.items.find((i: { functionId: string }) => i.functionId === functionId);
    // a whole year at 4 500 kr a day, the latest 2027 rule set in force saying 2 % (this file's)
    expect(item).toMatchObject({ offerId, costOre: 365 * 450_000, declaredOre: 365 * 9_000 });
    expect(item.accruedOre).toBe(Math.round((365 * 450_000 * report.body.overheadBp) / 10_000));
    expect(
      (await (await t.as('planner-1082')).get('/api/v1/knowledge-funding?year=2027')).body.items.some(
        (i: { functionId: string }) => i.functionId === functionId,
      ),
    ).toBe(false);
  });
});

function lastDayOf(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
