import {
  EVENT_CATALOGUE,
  RefusionDecided,
  RefusionSettled,
  TOPICS,
  type EventData,
} from '@platform/contracts';
import { addDays, todayInDenmark } from '@platform/domain';
import {
  eventData,
  eventually,
  giveAdvice,
  registerOffer,
  startServiceProcess,
  waitForEvent,
  type ServiceProcess,
  type TestService,
} from '@platform/testing';
import Ajv from 'ajv';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { PrismaService } from '../src/database/prisma.service';
import { csvRecords } from './support/csv';
import { advisoryFunctionInRegion } from './support/knowledge';
import { useFinancing } from './support/service';

const YEAR = 2027;

/** An audit event as financing writes it to the outbox (AuditRecorded's data). */
interface AuditRow {
  action: string;
  outcome: 'ALLOWED' | 'DENIED';
  purpose: string;
  service: string;
  resource: { type: string; id?: string };
  citizenPseudonym?: string;
  actor: { orgCode: string };
}
const BANDS = [
  { threshold: '860000.00', percent: 25 },
  { threshold: '1680000.00', percent: 50 },
  { threshold: '2120000.00', percent: 75 },
];

/**
 * Scenario 2 (DOMAIN rules 4 and 6) across four real services: specialty planning registers the offers and
 * approves region 1082's advisory function, knowledge's advisor answers the referral's advice case, the referrals
 * service decides a deviation from that advice and starts the placement, and financing turns the placement into
 * cost lines and a refusion claim computed under current law and under the regions' proposal.
 */
describe('scenario 2: deviation from advice and conditional refusion (municipal responsibility)', () => {
  let t: TestService<PrismaService>;
  let planning: ServiceProcess;
  let referrals: ServiceProcess;
  let knowledge: ServiceProcess;
  const since = new Date();
  const today = todayInDenmark();
  // A child born 2015 (serial 4000–9999: the 2000s), new each run: one citizen's placements share a claim line.
  const cpr = `010115${4000 + Math.floor(Math.random() * 6000)}`;
  // The case's correlation id: the X-Request-Id of the request that creates the referral (docs/events.md).
  const caseId = `case-${randomUUID()}`;
  let advisedOffer: string;
  let moderateOffer: string;
  let referralId: string;
  let lawId: string;
  let proposalId: string;
  let claim: {
    id: string;
    etag: string;
    claimedOre: number;
    lines: { lineNo: number; referralIds: string[]; citizenPseudonyms: string[]; refusionOre: number }[];
  };
  let approvedOre: number;

  useFinancing((service) => (t = service));

  beforeAll(async () => {
    [planning, referrals, knowledge] = await Promise.all([
      startServiceProcess('specialty-planning'),
      startServiceProcess('referrals'),
      startServiceProcess('knowledge'),
    ]);
    // The claim of this quarter is made once per municipality; earlier runs of this file made it already.
    await t.db.$executeRaw`DELETE FROM refusion_claim_line WHERE claim_id IN (
      SELECT id FROM refusion_claim WHERE municipality_code = '751' AND year = ${YEAR})`;
    await t.db.$executeRaw`DELETE FROM refusion_claim WHERE municipality_code = '751' AND year = ${YEAR}`;
    await t.db
      .$executeRaw`DELETE FROM refusion_settlement WHERE municipality_code = '751' AND year = ${YEAR}`;
  }, 120_000);
  afterAll(async () => {
    await Promise.all([planning?.stop(), referrals?.stop(), knowledge?.stop()]);
  });

  /** An AUTISM offer of region 1082 (Aarhus), registered through specialty planning's API. */
  const autismOffer = async (name: string, level: 'HIGH' | 'MODERATE') =>
    (
      await registerOffer(planning, {
        name,
        level,
        targetGroups: ['AUTISM'],
        places: 6,
        operatorOrgCode: '1082',
      })
    ).offerId;

  it('learns the offers from specialty planning, and their operator sets the 2027 rate', async () => {
    advisedOffer = await autismOffer('Autismecenter Midt, højt specialiseret (test)', 'HIGH');
    moderateOffer = await autismOffer('Autismetilbud Aarhus, moderat (test)', 'MODERATE');
    // The advised offer holds region 1082's advisory function for AUTISM: 751's advice case is assigned there.
    await advisoryFunctionInRegion(
      planning,
      knowledge,
      { offerId: advisedOffer, operatorOrgCode: '1082' },
      'AUTISM',
      '1082',
    );
    await eventually(async () => {
      const rows = await t.db.offer.findMany({ where: { id: { in: [advisedOffer, moderateOffer] } } });
      return rows.length === 2;
    }, 30_000);
    const region = await t.as('planner-1082');
    const rate = await region
      .put(`/api/v1/offers/${moderateOffer}/rates/${YEAR}`)
      .send({ unit: 'DAY', amount: '8000.00' });
    expect(rate.status).toBe(200);
    expect(rate.body).toMatchObject({ amountOre: 800_000, unit: 'DAY', revision: 1 });
    const other = await (
      await t.as('planner-1084')
    )
      .put(`/api/v1/offers/${moderateOffer}/rates/${YEAR}`)
      .send({ unit: 'DAY', amount: '1.00' });
    expect(other.status).toBe(404);
  }, 150_000);

  it('a child of 751 is referred at HIGH, advised HIGH, and placed at a MODERATE offer with a justification', async () => {
    const caseworker = await referrals.as('caseworker-751');
    await eventually(async () => {
      const res = await caseworker
        .post('/api/v1/referrals')
        .set('X-Request-Id', caseId)
        .send({ cpr, targetGroup: 'AUTISM', assessedLevel: 'HIGH', referralDate: today });
      if (res.status !== 201) return false;
      referralId = res.body.id;
      return true;
    }, 20_000);
    const created = await caseworker.get(`/api/v1/referrals/${referralId}`);
    const submitted = await caseworker
      .post(`/api/v1/referrals/${referralId}/submit`)
      .set('If-Match', created.headers.etag);
    expect(submitted.body.status).toBe('AWAITING_ADVICE');
    // Region 1082's advisor answers the advice case knowledge opened; knowledge publishes AdviceGiven.
    const answered = await giveAdvice(knowledge, referralId, {
      level: 'HIGH',
      offerId: advisedOffer,
      rationale: 'Needs the highly specialised autism offer',
    });
    expect(answered).toMatchObject({
      status: 'ADVICE_GIVEN',
      assignment: { kind: 'OWN_REGION', regionCode: '1082' },
    });
    let etag = '';
    await eventually(async () => {
      const res = await caseworker.get(`/api/v1/referrals/${referralId}`);
      etag = res.headers.etag;
      return res.body.status === 'READY_FOR_DECISION';
    }, 30_000);
    const command = async (who: 'caseworker-751' | 'caseworker-1082', path: string, body: object = {}) => {
      const agent = await referrals.as(who);
      const current = await agent.get(`/api/v1/referrals/${referralId}`);
      return agent
        .post(`/api/v1/referrals/${referralId}/${path}`)
        .set('If-Match', current.headers.etag ?? etag)
        .send(body);
    };
    await eventually(async () => {
      const decided = await command('caseworker-751', 'decision', {
        offerId: moderateOffer,
        level: 'MODERATE',
        startDate: addDays(today, 14),
        justification: 'The family lives next to the moderate offer',
      });
      return decided.status === 200 && decided.body.decision.deviation === true;
    }, 20_000);
    expect((await command('caseworker-751', 'send')).status).toBe(200);
    expect((await command('caseworker-1082', 'accept')).status).toBe(200);
    expect((await command('caseworker-1082', 'placement/start')).body.status).toBe('PLACEMENT_ACTIVE');
  }, 120_000);

  it('records the placement with its advice facts from the referral events', async () => {
    await eventually(async () => {
      const p = await t.db.placement.findUnique({ where: { referralId } });
      return p?.adviceObtained === true && p.followsAdvice === false && p.deviation === true;
    }, 30_000);
  }, 40_000);

  it('accrues 2027 cost lines for 751 (municipal responsibility): 8 000 kr a day, every day of the year', async () => {
    const res = await (await t.as('caseworker-751')).get(`/api/v1/cost-lines?year=${YEAR}`);
    expect(res.status).toBe(200);
    const own = res.body.items.filter((l: { referralId: string }) => l.referralId === referralId);
    expect(own).toHaveLength(12);
    expect(
      own.every(
        (l: { payer: object }) =>
          JSON.stringify(l.payer) === JSON.stringify({ type: 'municipality', code: '751' }),
      ),
    ).toBe(true);
    expect(own.reduce((a: number, l: { amountOre: number }) => a + l.amountOre, 0)).toBe(365 * 800_000);
  });

  it('the state sets current law (in force) and the regions’ proposal (advice followed) for 2027', async () => {
    const state = await t.as('finance-state');
    const law = await state.post('/api/v1/rule-sets').send({
      year: YEAR,
      name: 'Gældende lov (test)',
      effectiveFrom: `${YEAR}-01-01`,
      bands: BANDS,
      adviceCondition: 'NONE',
    });
    lawId = law.body.id;
    expect(
      (await state.post(`/api/v1/rule-sets/${lawId}/put-in-force`).set('If-Match', law.headers.etag)).status,
    ).toBe(200);
    const proposal = await state.post('/api/v1/rule-sets').send({
      year: YEAR,
      name: 'Regionernes forslag (test)',
      effectiveFrom: `${YEAR}-01-01`,
      bands: BANDS,
      adviceCondition: 'ADVICE_FOLLOWED',
    });
    expect(proposal.status).toBe(201);
    proposalId = proposal.body.id;
  });

  it('records a one-off expense and an income for the placement; another municipality cannot', async () => {
    const muni = await t.as('caseworker-751');
    const entry = (kind: string, date: string, amount: string) => ({
      referralId,
      kind,
      date,
      amount,
      description: 'Test entry',
    });
    expect(
      (await muni.post('/api/v1/one-off-entries').send(entry('ONE_OFF_EXPENSE', `${YEAR}-05-10`, '60000.00')))
        .status,
    ).toBe(201);
    expect(
      (await muni.post('/api/v1/one-off-entries').send(entry('INCOME', `${YEAR}-03-01`, '60000.00'))).status,
    ).toBe(201);
    expect(
      (await muni.post('/api/v1/one-off-entries').send(entry('INCOME', `${YEAR}-03-01`, '1.001'))).status,
    ).toBe(400);
    const other = await (
      await t.as('caseworker-101')
    )
      .post('/api/v1/one-off-entries')
      .send(entry('INCOME', `${YEAR}-03-01`, '1.00'));
    expect(other.status).toBe(404);
    const listed = await muni.get(`/api/v1/one-off-entries?year=${YEAR}`);
    expect(listed.body.items.filter((e: { referralId: string }) => e.referralId === referralId)).toHaveLength(
      2,
    );
  });

  it('751 claims Q4 year to date: the deviating case refunds 1 025 000 kr under current law', async () => {
    const res = await (
      await t.as('caseworker-751')
    )
      .post('/api/v1/refusion-claims')
      .send({ year: YEAR, quarter: 4 });
    expect(res.status).toBe(201);
    claim = {
      id: res.body.id,
      etag: res.headers.etag,
      claimedOre: res.body.claimedOre,
      lines: res.body.lines,
    };
    const line = res.body.lines.find((l: { referralIds: string[] }) => l.referralIds.includes(referralId));
    // 25 % × 820 000 + 50 % × 440 000 + 75 % × (2 920 000 − 2 120 000) kr: the one-off 60 000 kr spread over the
    // year and the 60 000 kr income in March net out over the year, and every month stays in the top band.
    expect(line).toMatchObject({ eligible: true, netExpenseOre: 292_000_000, refusionOre: 102_500_000 });
    expect(line.months[2].netExpenseOre).toBe(31 * 800_000 + 500_000 - 6_000_000);
    expect(line.reasons).toEqual([{ referralId, eligible: true, reason: 'NO_ADVICE_CONDITION' }]);
    expect(res.body.claimedOre).toBe(
      res.body.lines.reduce((a: number, l: { refusionOre: number }) => a + l.refusionOre, 0),
    );
  });

  it('what-if: under the proposal the same case is not eligible, with the reason, side by side in kroner', async () => {
    const res = await (
      await t.as('caseworker-751')
    ).get(`/api/v1/refusion-claims/${claim.id}/what-if?ruleSetId=${proposalId}`);
    expect(res.status).toBe(200);
    const line = res.body.lines.find((l: { referralIds: string[] }) => l.referralIds.includes(referralId));
    expect(line.a).toMatchObject({ refusionOre: 102_500_000, eligible: true });
    expect(line.b).toMatchObject({
      refusionOre: 0,
      eligible: false,
      reasons: [{ referralId, eligible: false, reason: 'ADVICE_NOT_FOLLOWED' }],
    });
    expect(line.differenceOre).toBe(-102_500_000);
    expect(res.body.kroner.a).toMatch(/kr\.$/);
  });

  it('keeps another municipality out of the claim (404) and lets the state read it', async () => {
    expect((await (await t.as('caseworker-101')).get(`/api/v1/refusion-claims/${claim.id}`)).status).toBe(
      404,
    );
    expect(
      (
        await (
          await t.as('caseworker-101')
        ).get(`/api/v1/refusion-claims/${claim.id}/what-if?ruleSetId=${proposalId}`)
      ).status,
    ).toBe(404);
    expect((await (await t.as('finance-state')).get(`/api/v1/refusion-claims/${claim.id}`)).status).toBe(200);
  });

  it('the state decides every line; the decision is a funding event that matches the AsyncAPI schema and names no citizen', async () => {
    const state = await t.as('finance-state');
    const lines = claim.lines.map((l) => ({ lineNo: l.lineNo, approved: true }));
    const res = await state
      .post(`/api/v1/refusion-claims/${claim.id}/decision`)
      .set('If-Match', claim.etag)
      .send({ lines });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'DECIDED', approvedOre: res.body.claimedOre });
    approvedOre = res.body.approvedOre;
    expect(
      (
        await (
          await t.as('caseworker-751')
        )
          .post(`/api/v1/refusion-claims/${claim.id}/decision`)
          .set('If-Match', res.headers.etag)
          .send({ lines })
      ).status,
    ).toBe(403);

    const received = await waitForEvent(
      TOPICS.funding,
      (e) => e.headers.ce_type === RefusionDecided.type && e.key?.toString() === claim.id,
      { from: since, timeoutMs: 30_000 },
    );
    const data = eventData<EventData<typeof RefusionDecided>>(received);
    expect(data).toMatchObject({ claimId: claim.id, municipalityCode: '751', year: YEAR, quarter: 4 });
    const asyncapi = JSON.parse(
      readFileSync(join(__dirname, '../../../docs/asyncapi/platform.json'), 'utf8'),
    );
    const payload = asyncapi.components.messages[RefusionDecided.type].payload;
    const validate = new Ajv({ unknownFormats: 'ignore' }).compile(payload);
    expect(validate(data)).toBe(true);
    expect(EVENT_CATALOGUE.find((d) => d.type === RefusionDecided.type)!.schema.safeParse(data).success).toBe(
      true,
    );
    const raw = received.value!.toString('utf8');
    expect(raw).not.toContain(referralId);
    expect(raw).not.toMatch(/[0-9a-f]{64}/);
  }, 40_000);

  it('exports the claim as CSV and JSON, streamed, with pseudonyms only; another municipality gets 404, a region 403', async () => {
    const muni = await t.as('caseworker-751');
    const csv = await muni.get(`/api/v1/refusion-claims/${claim.id}/export?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-length']).toBeUndefined();
    expect(csv.headers['transfer-encoding']).toBe('chunked');
    const rows = csvRecords(csv.text);
    expect(rows).toHaveLength(claim.lines.length);
    expect(rows.reduce((a, r) => a + Number(r.refusion_ore), 0)).toBe(claim.claimedOre);
    const own = claim.lines.find((l) => l.referralIds.includes(referralId))!;
    expect(rows.find((r) => r.line_no === String(own.lineNo))).toMatchObject({
      claim_id: claim.id,
      citizen_pseudonyms: own.citizenPseudonyms.join('|'),
      refusion_ore: '102500000',
      reasons: 'NO_ADVICE_CONDITION',
      decision: 'APPROVED',
    });
    expect(csv.text).not.toContain(referralId);

    const json = await (
      await t.as('finance-state')
    ).get(`/api/v1/refusion-claims/${claim.id}/export?format=json`);
    expect(json.status).toBe(200);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    expect(json.headers['content-length']).toBeUndefined();
    expect(json.body).toHaveLength(claim.lines.length);
    expect(json.body.find((r: { line_no: number }) => r.line_no === own.lineNo)).toMatchObject({
      refusion_ore: 102_500_000,
      eligible: true,
    });

    const year = await muni.get(`/api/v1/refusion-exports?year=${YEAR}`);
    expect(year.status).toBe(200);
    expect(new Set(csvRecords(year.text).map((r) => r.claim_id))).toEqual(new Set([claim.id]));
    const other = await t.as('caseworker-101');
    expect((await other.get(`/api/v1/refusion-claims/${claim.id}/export`)).status).toBe(404);
    expect((await other.get(`/api/v1/refusion-exports?year=${YEAR}&municipalityCode=751`)).status).toBe(404);
    expect(
      (await (await t.as('planner-1082')).get(`/api/v1/refusion-claims/${claim.id}/export`)).status,
    ).toBe(403);
    expect((await (await t.as('finance-state')).get(`/api/v1/refusion-exports?year=${YEAR}`)).status).toBe(
      400,
    );
  });

  it('audits every read of the claim, its what-if and exports, the cost lines and entries, one row per citizen; a claim out of reach is a DENIED row', async () => {
    const muni = await t.as('caseworker-751');
    const other = await t.as('caseworker-101');
    const pseudonym = claim.lines.find((l) => l.referralIds.includes(referralId))!.citizenPseudonyms[0]!;
    const step = (name: string) => `audit-${since.getTime()}-${name}`;
    /** The audit rows a request left in the outbox, by its X-Request-Id. */
    const audited = async (requestId: string) =>
      (
        await t.db.outboxMessage.findMany({
          where: { topic: TOPICS.audit, payload: { path: ['requestId'], equals: requestId } },
        })
      ).map((m) => m.payload as unknown as AuditRow);
    /** One allowed financing read per citizen shown, each naming the citizen, and only those. */
    const expectReads = async (requestId: string, action: string, shown: string[]) => {
      const rows = await audited(requestId);
      expect(rows.map((r) => r.citizenPseudonym).sort()).toEqual([...new Set(shown)].sort());
      expect(
        rows.every((r) => r.action === action && r.outcome === 'ALLOWED' && r.purpose === 'financing'),
      ).toBe(true);
      expect(rows.every((r) => r.service === 'financing')).toBe(true);
      expect(shown).toContain(pseudonym);
    };
    const expectDenied = async (requestId: string, action: string, resource: object) =>
      expect(await audited(requestId)).toEqual([
        expect.objectContaining({
          action,
          outcome: 'DENIED',
          resource,
          actor: expect.objectContaining({ orgCode: '101' }),
        }),
      ]);

    const read = await muni.get(`/api/v1/refusion-claims/${claim.id}`).set('X-Request-Id', step('read'));
    expect(read.status).toBe(200);
    const claimLines = read.body.lines as { citizenPseudonyms: string[] }[];
    await expectReads(
      step('read'),
      'refusion-claim.read',
      claimLines.flatMap((l) => l.citizenPseudonyms),
    );
    expect(
      (await other.get(`/api/v1/refusion-claims/${claim.id}`).set('X-Request-Id', step('read-other'))).status,
    ).toBe(404);
    await expectDenied(step('read-other'), 'refusion-claim.read', { type: 'refusion-claim', id: claim.id });

    const whatIf = await muni
      .get(`/api/v1/refusion-claims/${claim.id}/what-if?ruleSetId=${proposalId}`)
      .set('X-Request-Id', step('what-if'));
    expect(whatIf.status).toBe(200);
    const compared = whatIf.body.lines as { citizenPseudonyms: string[] }[];
    await expectReads(
      step('what-if'),
      'refusion-claim.what-if',
      compared.flatMap((l) => l.citizenPseudonyms),
    );
    expect(
      (
        await other
          .get(`/api/v1/refusion-claims/${claim.id}/what-if?ruleSetId=${proposalId}`)
          .set('X-Request-Id', step('what-if-other'))
      ).status,
    ).toBe(404);
    await expectDenied(step('what-if-other'), 'refusion-claim.what-if', {
      type: 'refusion-claim',
      id: claim.id,
    });

    // Exports: the citizens of the rows that were streamed, recorded before the response ended.
    const exported = await muni
      .get(`/api/v1/refusion-claims/${claim.id}/export`)
      .set('X-Request-Id', step('export'));
    expect(exported.status).toBe(200);
    const exportedCitizens = (text: string) =>
      csvRecords(text).flatMap((r) => r.citizen_pseudonyms!.split('|'));
    await expectReads(step('export'), 'refusion-claim.export', exportedCitizens(exported.text));
    const year = await (
      await t.as('finance-state')
    )
      .get(`/api/v1/refusion-exports?year=${YEAR}&municipalityCode=751`)
      .set('X-Request-Id', step('year-export'));
    expect(year.status).toBe(200);
    await expectReads(step('year-export'), 'refusion-year.export', exportedCitizens(year.text));
    expect(
      (
        await other
          .get(`/api/v1/refusion-exports?year=${YEAR}&municipalityCode=751`)
          .set('X-Request-Id', step('year-export-other'))
      ).status,
    ).toBe(404);
    await expectDenied(step('year-export-other'), 'refusion-year.export', {
      type: 'refusion-year',
      id: `751-${YEAR}`,
    });

    // Cost lines of the referral, and of the citizen by pseudonym: one read of that one citizen each.
    for (const [name, query] of [
      ['cost-referral', `referralId=${referralId}`],
      ['cost-citizen', `citizenPseudonym=${pseudonym}`],
    ] as const) {
      const res = await muni.get(`/api/v1/cost-lines?year=${YEAR}&${query}`).set('X-Request-Id', step(name));
      expect(res.body.items.length).toBeGreaterThan(0);
      await expectReads(step(name), 'cost-line.list', [pseudonym]);
    }
    // A region may not look a citizen up: refused, and the attempt names the citizen it tried.
    const region = await (
      await t.as('planner-1082')
    )
      .get(`/api/v1/cost-lines?year=${YEAR}&citizenPseudonym=${pseudonym}`)
      .set('X-Request-Id', step('cost-region'));
    expect(region.status).toBe(403);
    expect(await audited(step('cost-region'))).toEqual([
      expect.objectContaining({ action: 'cost-line.list', outcome: 'DENIED', citizenPseudonym: pseudonym }),
    ]);

    // One-off entries name a placement by referral id: audited by the placement's citizen.
    const entries = await muni
      .get(`/api/v1/one-off-entries?year=${YEAR}`)
      .set('X-Request-Id', step('entries'));
    expect(entries.status).toBe(200);
    const rows = await audited(step('entries'));
    expect(rows.filter((r) => r.citizenPseudonym === pseudonym)).toEqual([
      expect.objectContaining({ action: 'one-off-entry.list', outcome: 'ALLOWED', purpose: 'financing' }),
    ]);
    expect(new Set(rows.map((r) => r.citizenPseudonym)).size).toBe(rows.length);
  });

  it('the state settles the year: income recorded after the Q4 decision makes it negative; once only; the event names no citizen', async () => {
    const income = await (await t.as('caseworker-751')).post('/api/v1/one-off-entries').send({
      referralId,
      kind: 'INCOME',
      date: `${YEAR}-03-01`,
      amount: '100000.00',
      description: 'Anden refusion, bogført efter afgørelsen',
    });
    expect(income.status).toBe(201);
    const body = { municipalityCode: '751', year: YEAR };
    expect(
      (await (await t.as('caseworker-751')).post('/api/v1/refusion-settlements').send(body)).status,
    ).toBe(403);
    expect((await (await t.as('planner-1082')).post('/api/v1/refusion-settlements').send(body)).status).toBe(
      403,
    );
    const state = await t.as('finance-state');
    const settled = await state.post('/api/v1/refusion-settlements').send(body);
    expect(settled.status).toBe(201);
    expect(settled.body.paidOre).toBe(approvedOre);
    expect(settled.body.settlementOre).toBe(settled.body.finalOre - settled.body.paidOre);
    expect(settled.body.settlementOre).toBeLessThan(0);
    // The final claim is the year computed from today's facts: what the what-if computes under the claim's rule set.
    const whatIf = await state.get(`/api/v1/refusion-claims/${claim.id}/what-if?ruleSetId=${proposalId}`);
    expect(settled.body.finalOre).toBe(whatIf.body.totalA);
    expect((await state.post('/api/v1/refusion-settlements').send(body)).status).toBe(409);
    expect(
      (await (await t.as('caseworker-751')).get(`/api/v1/refusion-settlements/${settled.body.id}`)).status,
    ).toBe(200);
    expect(
      (await (await t.as('caseworker-101')).get(`/api/v1/refusion-settlements/${settled.body.id}`)).status,
    ).toBe(404);

    const received = await waitForEvent(
      TOPICS.funding,
      (e) => e.headers.ce_type === RefusionSettled.type && e.key?.toString() === settled.body.id,
      { from: since, timeoutMs: 30_000 },
    );
    const data = eventData<EventData<typeof RefusionSettled>>(received);
    expect(data).toMatchObject({
      municipalityCode: '751',
      year: YEAR,
      settlementOre: settled.body.settlementOre,
    });
    const asyncapi = JSON.parse(
      readFileSync(join(__dirname, '../../../docs/asyncapi/platform.json'), 'utf8'),
    );
    const validate = new Ajv({ unknownFormats: 'ignore' }).compile(
      asyncapi.components.messages[RefusionSettled.type].payload,
    );
    expect(validate(data)).toBe(true);
    expect(EVENT_CATALOGUE.find((d) => d.type === RefusionSettled.type)!.schema.safeParse(data).success).toBe(
      true,
    );
    const raw = received.value!.toString('utf8');
    expect(raw).not.toContain(referralId);
    expect(raw).not.toMatch(/[0-9a-f]{64}/);
  }, 40_000);

  it("one correlation id follows the case into financing: its cost lines and its claim line carry the referral's", async () => {
    const lines = await (
      await t.as('caseworker-751')
    ).get(`/api/v1/cost-lines?year=${YEAR}&referralId=${referralId}`);
    expect(lines.body.items).toHaveLength(12);
    for (const l of lines.body.items as { month: string; correlationId: string }[])
      expect([l.month, l.correlationId]).toEqual([l.month, caseId]);
    const line = claim.lines.find((l) => l.referralIds.includes(referralId))!;
    const stored = await t.db.refusionClaimLine.findFirst({
      where: { claimId: claim.id, lineNo: line.lineNo },
    });
    expect(stored?.correlationIds).toEqual([caseId]);

    // The state's auditor reads the case's rows by its id: ids and times, no amount, no pseudonym.
    const auditor = await t.as('auditor-state');
    const trace = await auditor.get(`/api/v1/case-trace?correlationId=${caseId}`);
    expect(trace.status).toBe(200);
    expect(trace.body.costLines).toHaveLength(12);
    expect(trace.body.costLines[0]).toEqual({
      referralId,
      month: expect.stringMatching(/^2027-\d\d$/),
      payer: { type: 'municipality', code: '751' },
      version: expect.any(Number),
      accruedAt: expect.any(String),
    });
    expect(trace.body.claimLines).toEqual([
      expect.objectContaining({ claimId: claim.id, lineNo: line.lineNo, decision: 'APPROVED', quarter: 4 }),
    ]);
    expect(JSON.stringify(trace.body)).not.toMatch(/[0-9a-f]{64}|amountOre/);
    expect(
      (await auditor.get('/api/v1/case-trace?correlationId=not%20an%20id')).body.errors[0].pointer,
    ).toMatch(/correlationId/);
    expect(
      (await (await t.as('caseworker-751')).get(`/api/v1/case-trace?correlationId=${caseId}`)).status,
    ).toBe(403);
  }, 40_000);

  it('tools/trace prints the path from the referral through its cost lines to the decided claim line, in time order', async () => {
    // tools/trace asks financing's API over HTTP: the service under test listens on a port of its own for it.
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const { stdout } = await promisify(execFile)(
      join(__dirname, '../../../tools/trace'),
      [caseId, '--since', since.toISOString()],
      { timeout: 150_000, env: { ...process.env, FINANCING_URL: `http://127.0.0.1:${port}` } },
    );
    const out = stdout.trim().split('\n');
    const times = out.map((l) => l.split(/\s+/)[0]);
    expect(times).toEqual([...times].sort());
    const at = (pattern: RegExp) => out.findIndex((l) => pattern.test(l));
    const created = at(/\sdk\.social\.referral\.created\.v1\s/);
    const cost = at(new RegExp(`\\sfinancing\\s+cost-line\\s+subject=${referralId}\\s`));
    const decided = at(
      new RegExp(`\\srefusion-claim-line\\.decided\\s+subject=${claim.id}\\s.*decision=APPROVED`),
    );
    expect([created, cost, decided].every((i) => i >= 0)).toBe(true);
    expect(created).toBeLessThan(cost);
    expect(cost).toBeLessThan(decided);
    expect(out.filter((l) => /\scost-line\s/.test(l))).toHaveLength(12);
    expect(stdout).not.toMatch(/citizenPseudonym|[0-9a-f]{64}/);
  }, 180_000);
});
