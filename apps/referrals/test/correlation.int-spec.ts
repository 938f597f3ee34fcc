import { AuditRecorded, TOPICS } from '@platform/contracts';
import { todayInDenmark, addDays } from '@platform/domain';
import { collectEvents, eventually, getToken, type ReceivedEvent } from '@platform/testing';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Knowledge } from './support/knowledge';
import type { ReferralApi } from './support/referral-api';
import type { SpecialtyPlanning, TestOffer } from './support/specialty-planning';
import { useReferralsApp } from './support/harness';
import type { ReferralsTestApp } from './support/referrals-app';
import { newReferralBody } from './support/referral-factory';

const TRACE = join(__dirname, '../../../tools/trace');
const data = (e: ReceivedEvent) => JSON.parse(e.value!.toString()) as Record<string, unknown>;

/**
 * Issue 13, correlation: the X-Request-Id of the request that creates a referral is its case's correlation id.
 * Every later event about it (submit, decide, in referrals; the advice case in knowledge, its own process) and
 * every audit row of it carries that id as `ce_correlationid`, although each of those requests came with an id
 * of its own; `tools/trace <id>` prints the whole path.
 */
describe('one correlation id follows a referral across the services', () => {
  let t: ReferralsTestApp;
  let api: ReferralApi;
  let knowledge: Knowledge;
  let planning: SpecialtyPlanning;
  let offer: TestOffer;
  const caseId = `case-${randomUUID()}`;
  const requestIds = { submit: `submit-${randomUUID()}`, decide: `decide-${randomUUID()}` };
  const before = new Date();
  let id: string;
  let adviceCaseId: string;

  useReferralsApp((h) => ({ t, api, knowledge, planning } = h));

  beforeAll(async () => {
    const today = todayInDenmark();
    await planning.setResponsibility('VISION', 'REGIONAL', today);
    offer = await planning.registerOffer({ level: 'HIGH' });
    await knowledge.advisoryFunctionAt(offer, 'VISION');
  }, 180_000); // specialty planning and knowledge start as their own processes

  /** A POST with the caller's own X-Request-Id (and the referral's current ETag for a command). */
  async function post(path: string, requestId: string, body?: unknown, etag?: string) {
    const req = api
      .http()
      .post(`/api/v1/referrals${path}`)
      .auth(await getToken('caseworker-101'), { type: 'bearer' })
      .set('X-Request-Id', requestId);
    if (etag) req.set('If-Match', etag);
    return body === undefined ? req : req.send(body as object);
  }

  it('carries the creating request id through submit, advice and decision', async () => {
    const created = await post('', caseId, newReferralBody({ targetGroup: 'VISION', assessedLevel: 'HIGH' }));
    expect(created.status).toBe(201);
    expect(created.headers['x-request-id']).toBe(caseId);
    id = created.body.id;

    const submitted = await post(`/${id}/submit`, requestIds.submit, undefined, created.headers.etag);
    expect([submitted.status, submitted.body.status]).toEqual([200, 'AWAITING_ADVICE']);
    expect(submitted.headers['x-request-id']).toBe(requestIds.submit);

    adviceCaseId = (
      await knowledge.advise(id, { level: 'HIGH', offerId: offer.offerId, rationale: 'Vision function' })
    ).id;
    await eventually(
      async () => (await t.prisma.referral.findUnique({ where: { id } }))?.status === 'READY_FOR_DECISION',
    );
    const etag = await api.etagAs('caseworker-101', id);
    const decision = { offerId: offer.offerId, level: 'HIGH', startDate: addDays(todayInDenmark(), 14) };
    const decided = await post(`/${id}/decision`, requestIds.decide, decision, etag);
    expect([decided.status, decided.body.status]).toEqual([200, 'DECIDED']);
  });

  it("keeps the id on every event of the referral, each in the referral's case", async () => {
    let events: ReceivedEvent[] = [];
    await eventually(async () => {
      events = (await collectEvents(TOPICS.referral, { from: before })).filter(
        (e) => e.key?.toString() === id,
      );
      return events.some((e) => e.headers.ce_type.endsWith('.decided.v1'));
    }, 30_000);
    expect(events.map((e) => e.headers.ce_type.split('.')[3])).toEqual(
      expect.arrayContaining(['created', 'submitted', 'advice-required', 'advice-received', 'decided']),
    );
    for (const e of events)
      expect([e.headers.ce_type, e.headers.ce_correlationid]).toEqual([e.headers.ce_type, caseId]);
  });

  it('opens the advice case in knowledge under the same id, and its advice too', async () => {
    let events: ReceivedEvent[] = [];
    await eventually(async () => {
      events = (await collectEvents(TOPICS.advice, { from: before })).filter(
        (e) => data(e).adviceCaseId === adviceCaseId,
      );
      return events.some((e) => e.headers.ce_type === 'dk.social.knowledge.advice.given.v1');
    }, 30_000);
    expect(events.map((e) => e.headers.ce_source)).toContain('/services/knowledge');
    expect(events.map((e) => e.headers.ce_type)).toEqual(
      expect.arrayContaining([
        'dk.social.knowledge.advice-case.opened.v1',
        'dk.social.knowledge.advice-case.assigned.v1',
        'dk.social.knowledge.advice.given.v1',
      ]),
    );
    for (const e of events) expect(e.headers.ce_correlationid).toBe(caseId);
  });

  it("audits every request under the case's id, and each with its own request id", async () => {
    let rows: ReceivedEvent[] = [];
    await eventually(async () => {
      rows = (await collectEvents(TOPICS.audit, { from: before })).filter((e) =>
        [id, adviceCaseId].includes((data(e).resource as { id?: string }).id ?? ''),
      );
      return rows.some((e) => data(e).action === 'referral.decide');
    }, 30_000);
    const audit = rows.map((e) => AuditRecorded.schema.parse(data(e)));
    expect(audit.map((a) => `${a.service}:${a.action}`)).toEqual(
      expect.arrayContaining([
        'referrals:referral.create',
        'referrals:referral.submit',
        'knowledge:advice-case.open',
        'knowledge:advice-case.giveAdvice',
        'referrals:referral.decide',
      ]),
    );
    for (const e of rows) expect(e.headers.ce_correlationid).toBe(caseId);
    const byAction = new Map(audit.map((a) => [a.action, a.requestId]));
    expect([byAction.get('referral.create'), byAction.get('referral.submit')]).toEqual([
      caseId,
      requestIds.submit,
    ]);
    expect(byAction.get('referral.decide')).toBe(requestIds.decide);
  });

  it('is what tools/trace prints, in time order, from both services', async () => {
    const { stdout } = await promisify(execFile)(TRACE, [caseId, '--since', before.toISOString()], {
      timeout: 120_000,
    });
    const lines = stdout.trim().split('\n');
    const times = lines.map((l) => l.split(/\s+/)[0]);
    expect(times).toEqual([...times].sort());
    const text = stdout;
    for (const type of [
      'dk.social.referral.created.v1',
      'dk.social.knowledge.advice-case.opened.v1',
      'dk.social.knowledge.advice.given.v1',
      'dk.social.referral.decided.v1',
      'dk.social.audit.recorded.v1',
    ])
      expect(text).toContain(type);
    expect(text).toMatch(/^\S+\s+knowledge\s+/m);
    expect(text).toContain(`requestId=${requestIds.decide}`);
    expect(text).not.toMatch(/citizenPseudonym|[0-9a-f]{64}/);
  }, 150_000);

  it('tools/trace exits 1 for an id nothing carries', async () => {
    const run = promisify(execFile)(TRACE, [`nothing-${randomUUID()}`, '--since', before.toISOString()], {
      timeout: 120_000,
    });
    await expect(run).rejects.toMatchObject({ code: 1 });
  }, 150_000);
});
