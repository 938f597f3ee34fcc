import { addDays, todayInDenmark } from '@platform/domain';
import { eventually, useService, type TestService } from '@platform/testing';
import { knowledgeService } from '../src/app.module';
import type { PrismaService } from '../src/database/prisma.service';
import { caseOfReferral } from './support/cases';
import { useProducers } from './support/producers';

// Specialty planning and referrals start as their own processes on first use (a build, migrations).
jest.setTimeout(180_000);

/** The roster of knowledge environments follows specialty planning's offer, plan and function events. */
describe('knowledge environments (vidensmiljøer)', () => {
  let t: TestService<PrismaService>;
  useService<PrismaService>(knowledgeService, (s) => (t = s));
  // Planning's expiry scan runs often here, so its FunctionExpiring comes within the test.
  const { planning, referrals } = useProducers(() => t, {
    planningEnv: { FUNCTION_EXPIRY_SCAN_MS: '500' },
  });
  const today = todayInDenmark();

  it('lists an offer holding an approved advisory function, with its target group and region', async () => {
    const targetGroup = 'CHILDREN_COMPLEX_DIFFICULTIES';
    await planning.clearTargetGroup(targetGroup);
    const fn = await planning.advisoryFunction({
      targetGroup,
      operatorOrgCode: '1082',
      name: 'Specialcenter Aarhus',
      validFrom: '2026-01-01',
      validTo: '2030-12-31',
    });
    const res = await (
      await t.as('caseworker-101')
    ).get(`/api/v1/knowledge-environments?targetGroup=${targetGroup}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        offerId: fn.offerId,
        name: 'Specialcenter Aarhus',
        operator: { orgType: 'region', orgCode: '1082' },
        municipalityCode: '751',
        regionCode: '1082',
        active: true,
        targetGroups: [targetGroup],
        functions: [
          expect.objectContaining({ functionId: fn.functionId, status: 'ACTIVE', validTo: '2030-12-31' }),
        ],
      }),
    ]);
    const one = await (
      await t.as('planner-state')
    ).get(`/api/v1/knowledge-environments/${fn.offerId}?on=2031-01-01`);
    expect(one.body).toMatchObject({ active: false, functions: [{ status: 'EXPIRED' }] });
    const other = await (
      await t.as('planner-state')
    ).get(`/api/v1/knowledge-environments?regionCode=1084&targetGroup=${targetGroup}`);
    expect(other.body.items).toEqual([]);
  });

  it('gives no new case to a function whose approval has ended, and takes in the announced end of another', async () => {
    const targetGroup = 'YOUTH_SECURE_INSTITUTIONS';
    await planning.clearTargetGroup(targetGroup);
    const ended = await planning.advisoryFunction({
      targetGroup,
      operatorOrgCode: '1084',
      validFrom: addDays(today, -60),
      validTo: addDays(today, -1),
    });
    const referral = await referrals.needingAdvice(targetGroup);
    expect(await caseOfReferral(t, referral.referralId)).toMatchObject({
      assignmentKind: 'NATIONAL',
      advisoryFunctionId: null,
      advisorOrgType: 'state',
    });
    const view = await (await t.as('planner-state')).get(`/api/v1/knowledge-environments/${ended.offerId}`);
    expect(view.body).toMatchObject({ active: false, functions: [{ status: 'EXPIRED' }] });

    // Planning announces a function ending within six months (FunctionExpiring): the roster notes it.
    const ending = await planning.advisoryFunction({
      targetGroup,
      operatorOrgCode: '1082',
      validTo: addDays(today, 60),
    });
    await eventually(
      async () =>
        (await t.db.advisoryFunction.findUniqueOrThrow({ where: { id: ending.rosterId } }))
          .expiryAnnouncedAt !== null,
    );
    const announced = await (
      await t.as('planner-state')
    ).get(`/api/v1/knowledge-environments/${ending.offerId}`);
    expect(announced.body.functions).toEqual([
      expect.objectContaining({ status: 'ACTIVE', expiryAnnounced: true, validTo: addDays(today, 60) }),
    ]);
  });

  it("takes a plan version's advisory entries into the roster (special functions are not knowledge's)", async () => {
    const targetGroup = 'MULTIPLE_FUNCTIONAL_IMPAIRMENTS';
    await planning.clearTargetGroup(targetGroup);
    const offer = await (await planning.as('planner-1084')).post('/api/v1/offers').send({
      name: 'Center for multiple funktionsnedsættelser (test)',
      legalBases: ['SEL_108'],
      targetGroups: [targetGroup],
      level: 'HIGH',
      places: 6,
      address: { street: 'Rymarksvej 1', postalCode: '2900', city: 'Hellerup', municipalityCode: '157' },
    });
    expect(offer.status).toBe(201);
    const offerId = offer.body.id as string;
    const entry = { targetGroup, offerId, validFrom: today, validTo: '2030-12-31', minimumYearlyVolume: 20 };
    const state = await planning.as('planner-state');
    const draft = await state.post('/api/v1/specialty-plans').send({
      title: 'Specialeplan, knowledge-test',
      effectiveFrom: today,
      entries: [
        { ...entry, functionType: 'ADVISORY_FUNCTION' },
        { ...entry, functionType: 'SPECIAL_FUNCTION' },
      ],
    });
    expect(draft.status).toBe(201);
    const consultation = await state
      .post(`/api/v1/specialty-plans/${draft.body.id}/consultation`)
      .set('If-Match', draft.headers.etag);
    const approved = await state
      .post(`/api/v1/specialty-plans/${draft.body.id}/approve`)
      .set('If-Match', consultation.headers.etag);
    expect(approved.status).toBe(200);

    // PlanApproved brings the entry, FunctionApproved for the same approval planning's id: one row, both merged.
    await eventually(async () => {
      const rows = await t.db.advisoryFunction.findMany({ where: { offerId } });
      return rows.length === 1 && rows[0].planVersion !== null && rows[0].planningFunctionId !== null;
    });
    expect(await t.db.advisoryFunction.findFirstOrThrow({ where: { offerId } })).toMatchObject({
      targetGroup,
      planVersion: approved.body.version,
      operatorOrgCode: '1084',
      minimumYearlyVolume: 20,
    });
  });
});
