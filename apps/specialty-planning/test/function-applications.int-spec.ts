import { FunctionApproved, FunctionRejected, TOPICS, type EventData } from '@platform/contracts';
import { eventData, waitForEvent, type IdentityName, type TestService } from '@platform/testing';
import type { PrismaService } from '../src/database/prisma.service';
import { usePlanning } from './support/service';

/**
 * Applications for functions (ansøgning om specialfunktion): an operator applies for its own offer with
 * evidence; the state approves with a validity period (FunctionApproved) or rejects with a reason
 * (FunctionRejected); a decision is final.
 */
describe('function applications', () => {
  let t: TestService<PrismaService>;
  usePlanning((service) => (t = service));

  const since = new Date();
  let offerId: string;
  let municipalOfferId: string;
  const evidence = {
    yearlyVolume: 45,
    competences: 'Synskonsulenter og mobilityinstruktører med mange års erfaring',
    healthCooperation: 'Fast samarbejde med øjenafdelingen om udredning af børn',
  };

  const registerOffer = async (who: IdentityName, municipalityCode: string, name: string) => {
    const res = await (await t.as(who)).post('/api/v1/offers').send({
      name,
      legalBases: ['SEL_108'],
      targetGroups: ['VISION', 'HEARING'],
      level: 'HIGH',
      places: 10,
      address: { street: 'Testvej 1', postalCode: '2900', city: 'By', municipalityCode },
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const apply = async (who: IdentityName, body: Record<string, unknown> = {}) =>
    (await t.as(who))
      .post('/api/v1/function-applications')
      .send({ offerId, targetGroup: 'VISION', functionType: 'ADVISORY_FUNCTION', evidence, ...body });
  const decide = async (
    id: string,
    etag: string,
    decision: string,
    body: unknown,
    who: IdentityName = 'planner-state',
  ) =>
    (await t.as(who))
      .post(`/api/v1/function-applications/${id}/${decision}`)
      .set('If-Match', etag)
      .send(body as object);
  const period = { validFrom: '2027-01-01', validTo: '2031-12-31', minimumYearlyVolume: 30 };

  beforeAll(async () => {
    offerId = await registerOffer('planner-1084', '157', 'Synscenter Øst');
    municipalOfferId = await registerOffer('planner-461', '461', 'Odense Synsteam');
  });

  it('files an application for an own offer, with its evidence (201, PENDING)', async () => {
    const res = await apply('planner-1084');
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/api/v1/function-applications/${res.body.id}`);
    expect(res.headers.etag).toBe('W/"1"');
    expect(res.body).toMatchObject({
      offerId,
      operator: { orgType: 'region', orgCode: '1084' },
      targetGroup: { code: 'VISION' },
      functionType: 'ADVISORY_FUNCTION',
      evidence,
      status: 'PENDING',
      functionId: null,
    });
  });

  it('lets a municipality that operates an offer apply for it', async () => {
    const res = await apply('planner-461', { offerId: municipalOfferId, functionType: 'SPECIAL_FUNCTION' });
    expect(res.status).toBe(201);
    expect(res.body.operator).toEqual({ orgType: 'municipality', orgCode: '461' });
  });

  it("answers another organisation's offer with 404, and an unknown one too", async () => {
    const before = await t.db.functionApplication.count();
    expect((await apply('planner-1082')).status).toBe(404);
    expect((await apply('planner-461')).status).toBe(404);
    expect((await apply('planner-1084', { offerId: '00000000-0000-4000-8000-000000000000' })).status).toBe(
      404,
    );
    expect(await t.db.functionApplication.count()).toBe(before);
  });

  it('refuses the state and case workers applying (403)', async () => {
    expect((await apply('planner-state')).status).toBe(403);
    expect((await apply('caseworker-101')).status).toBe(403);
  });

  it.each([
    ['a target group the offer does not serve', { targetGroup: 'AUTISM' }, '/targetGroup'],
    ['missing evidence', { evidence: undefined }, '/evidence'],
    ['a negative volume', { evidence: { ...evidence, yearlyVolume: -3 } }, '/evidence/yearlyVolume'],
    [
      'a CPR number in the evidence',
      { evidence: { ...evidence, competences: 'Borger 0101901234 er visiteret' } },
      '/evidence/competences',
    ],
    ['an unknown field', { priority: 'high' }, '/priority'],
  ])('answers %s with 400 naming the field', async (_, change, pointer) => {
    const res = await apply('planner-1084', change);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
  });

  it('shows an operator its own applications, the state all, another operator none of them', async () => {
    const filed = await apply('planner-1084');
    const mine = await (await t.as('planner-1084')).get(`/api/v1/function-applications?offerId=${offerId}`);
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((a: { id: string }) => a.id)).toContain(filed.body.id);
    expect(
      mine.body.items.every((a: { operator: { orgCode: string } }) => a.operator.orgCode === '1084'),
    ).toBe(true);
    const all = await (await t.as('planner-state')).get(`/api/v1/function-applications?offerId=${offerId}`);
    expect(all.body.items.map((a: { id: string }) => a.id)).toContain(filed.body.id);
    const other = await (await t.as('planner-1082')).get(`/api/v1/function-applications?offerId=${offerId}`);
    expect(other.body.items).toEqual([]);
    expect(
      (await (await t.as('planner-1082')).get(`/api/v1/function-applications/${filed.body.id}`)).status,
    ).toBe(404);
    expect(
      (await (await t.as('planner-1084')).get(`/api/v1/function-applications/${filed.body.id}`)).status,
    ).toBe(200);
  });

  it('approves with a validity period: the function, and FunctionApproved naming the application', async () => {
    const filed = await apply('planner-1084');
    const res = await decide(filed.body.id, filed.headers.etag, 'approve', period);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'APPROVED', functionId: expect.any(String) });
    expect(res.headers.etag).toBe('W/"2"');

    const fn = await (await t.as('caseworker-101')).get(`/api/v1/functions/${res.body.functionId}`);
    expect(fn.status).toBe(200);
    expect(fn.body).toMatchObject({
      offerId,
      operatorOrgCode: '1084',
      functionType: 'ADVISORY_FUNCTION',
      validFrom: '2027-01-01',
      validTo: '2031-12-31',
      minimumYearlyVolume: 30,
      applicationId: filed.body.id,
      planVersionId: null,
      status: 'FUTURE',
    });

    const event = await waitForEvent(TOPICS.plan, (e) => e.key?.toString() === res.body.functionId, {
      from: since,
      timeoutMs: 30_000,
    });
    expect(event.headers.ce_type).toBe(FunctionApproved.type);
    expect(FunctionApproved.schema.parse(eventData(event))).toEqual<EventData<typeof FunctionApproved>>({
      functionId: res.body.functionId,
      offerId,
      operatorOrgCode: '1084',
      targetGroup: 'VISION',
      functionType: 'ADVISORY_FUNCTION',
      applicationId: filed.body.id,
      ...period,
    });
  });

  it('rejects with a reason: FunctionRejected, and no function', async () => {
    const filed = await apply('planner-1084', { functionType: 'SPECIAL_FUNCTION' });
    const reason = 'Den dokumenterede årlige volumen er for lille til at opbygge ekspertise';
    const res = await decide(filed.body.id, filed.headers.etag, 'reject', { reason });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'REJECTED', rejectionReason: reason, functionId: null });
    const event = await waitForEvent(
      TOPICS.plan,
      (e) => e.headers.ce_type === FunctionRejected.type && e.key?.toString() === filed.body.id,
      { from: since, timeoutMs: 30_000 },
    );
    expect(FunctionRejected.schema.parse(eventData(event))).toEqual({
      applicationId: filed.body.id,
      offerId,
      operatorOrgCode: '1084',
      targetGroup: 'VISION',
      functionType: 'SPECIAL_FUNCTION',
      reason,
    });
    expect(await t.db.specialtyFunction.count({ where: { applicationId: filed.body.id } })).toBe(0);
  });

  it('does not decide a decided application again (409), either way', async () => {
    const filed = await apply('planner-1084');
    const approved = await decide(filed.body.id, filed.headers.etag, 'approve', period);
    const again = await decide(filed.body.id, approved.headers.etag, 'approve', period);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      type: 'urn:dk:social:problem:application-already-decided',
      currentStatus: 'APPROVED',
    });
    const reject = await decide(filed.body.id, approved.headers.etag, 'reject', {
      reason: 'changed our mind',
    });
    expect(reject.status).toBe(409);
    expect(await t.db.specialtyFunction.count({ where: { applicationId: filed.body.id } })).toBe(1);
  });

  it('lets only the state decide (403), and needs If-Match (428)', async () => {
    const filed = await apply('planner-1084');
    expect((await decide(filed.body.id, filed.headers.etag, 'approve', period, 'planner-1084')).status).toBe(
      403,
    );
    expect(
      (await decide(filed.body.id, filed.headers.etag, 'reject', { reason: 'nej tak' }, 'planner-461'))
        .status,
    ).toBe(403);
    const noEtag = await (
      await t.as('planner-state')
    )
      .post(`/api/v1/function-applications/${filed.body.id}/approve`)
      .send(period);
    expect(noEtag.status).toBe(428);
    expect(
      (await (await t.as('planner-state')).get(`/api/v1/function-applications/${filed.body.id}`)).body.status,
    ).toBe('PENDING');
  });

  it('answers validTo before validFrom with 400 on validTo, deciding nothing', async () => {
    const filed = await apply('planner-1084');
    const res = await decide(filed.body.id, filed.headers.etag, 'approve', {
      ...period,
      validTo: '2026-12-31',
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/validTo' })]);
    const missing = await decide(filed.body.id, filed.headers.etag, 'reject', {});
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].pointer).toBe('/reason');
    expect(
      (await (await t.as('planner-state')).get(`/api/v1/function-applications/${filed.body.id}`)).body.status,
    ).toBe('PENDING');
  });
});
