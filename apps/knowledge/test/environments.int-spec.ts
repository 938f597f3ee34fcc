import { FunctionExpiring, PlanApproved } from '@platform/contracts';
import { eventually, publishEvent, useService, type TestService } from '@platform/testing';
import { randomUUID } from 'node:crypto';
import { knowledgeService } from '../src/app.module';
import type { PrismaService } from '../src/database/prisma.service';
import { caseOfReferral, functionInRoster } from './support/cases';
import {
  approveAdvisoryFunction,
  closeEvents,
  newReferral,
  requireAdvice,
  uniqueTargetGroup,
} from './support/planning-events';

const PLANNING = '/services/specialty-planning';

/** The roster of knowledge environments follows specialty planning's plan and function events. */
describe('knowledge environments (vidensmiljøer)', () => {
  let t: TestService<PrismaService>;
  useService<PrismaService>(knowledgeService, (s) => (t = s));
  afterAll(() => closeEvents());

  it('lists an offer holding an approved advisory function, with its target group and region', async () => {
    const targetGroup = uniqueTargetGroup('KE');
    const fn = await approveAdvisoryFunction({
      targetGroup,
      operatorOrgCode: '1082',
      municipalityCode: '751',
      name: 'Specialcenter Aarhus',
    });
    await functionInRoster(t, fn.functionId);
    await eventually(async () => (await t.db.offer.count({ where: { id: fn.offerId } })) === 1);
    const res = await (
      await t.as('caseworker-101')
    ).get(`/api/v1/knowledge-environments?targetGroup=${targetGroup}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        offerId: fn.offerId,
        name: 'Specialcenter Aarhus',
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

  it('gives no new case to a function whose approval has ended (FunctionExpiring moved its last day)', async () => {
    const targetGroup = uniqueTargetGroup('KE');
    const fn = await approveAdvisoryFunction({
      targetGroup,
      operatorOrgCode: '1084',
      municipalityCode: '101',
    });
    const id = await functionInRoster(t, fn.functionId);
    await publishEvent(
      FunctionExpiring,
      fn.functionId,
      {
        functionId: fn.functionId,
        offerId: fn.offerId,
        operatorOrgCode: '1084',
        targetGroup,
        functionType: 'ADVISORY_FUNCTION',
        validTo: '2026-01-31',
      },
      PLANNING,
    );
    await eventually(
      async () =>
        (await t.db.advisoryFunction.findUniqueOrThrow({ where: { id } })).expiryAnnouncedAt !== null,
    );
    const referral = newReferral(targetGroup, '101');
    await requireAdvice(referral);
    expect(await caseOfReferral(t, referral.referralId)).toMatchObject({
      assignmentKind: 'NATIONAL',
      advisoryFunctionId: null,
      advisorOrgType: 'state',
    });
  });

  it("takes a plan version's advisory entries into the roster (special functions are not knowledge's)", async () => {
    const targetGroup = uniqueTargetGroup('KE');
    const offerId = randomUUID();
    const entry = {
      targetGroup,
      offerId,
      validFrom: '2026-01-01',
      validTo: '2030-12-31',
      minimumYearlyVolume: 20,
    };
    await publishEvent(
      PlanApproved,
      randomUUID(),
      {
        planId: randomUUID(),
        version: 7,
        effectiveFrom: '2026-01-01',
        supersedes: null,
        entries: [
          { ...entry, functionType: 'ADVISORY_FUNCTION' },
          { ...entry, functionType: 'SPECIAL_FUNCTION' },
        ],
      },
      PLANNING,
    );
    await eventually(async () => (await t.db.advisoryFunction.count({ where: { targetGroup } })) === 1);
    expect(await t.db.advisoryFunction.findFirstOrThrow({ where: { targetGroup } })).toMatchObject({
      offerId,
      planVersion: 7,
      planningFunctionId: null,
      minimumYearlyVolume: 20,
    });
  });
});
