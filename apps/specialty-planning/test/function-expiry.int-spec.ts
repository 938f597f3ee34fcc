import { FunctionExpiring, TOPICS } from '@platform/contracts';
import { addDays, todayInDenmark } from '@platform/domain';
import { eventData, waitForEvent, type TestService } from '@platform/testing';
import type { PrismaService } from '../src/database/prisma.service';
import { addMonths } from '../src/function/domain/function-validity';
import { FunctionExpiryScheduler } from '../src/function/expiry/function-expiry.scheduler';
import { usePlanning } from './support/service';

/**
 * Functions ending within 6 months are listed and announced (FunctionExpiring) once each; a function renewed
 * by a later approval is neither.
 */
describe('expiring functions', () => {
  let t: TestService<PrismaService>;
  usePlanning((service) => (t = service));

  const since = new Date();
  const today = todayInDenmark();
  const inThreeMonths = addMonths(today, 3);
  let offerId: string;
  let expiring: string;
  let renewedOne: string;
  let longLived: string;

  /** Applies as region 1081 and has the state approve it for the period: the function's id. */
  const approvedFunction = async (functionType: string, validFrom: string, validTo: string) => {
    const filed = await (await t.as('planner-1081')).post('/api/v1/function-applications').send({
      offerId,
      targetGroup: 'AUTISM',
      functionType,
      evidence: {
        yearlyVolume: 40,
        competences: 'Autismespecialister',
        healthCooperation: 'Børnepsykiatrien',
      },
    });
    expect(filed.status).toBe(201);
    const approved = await (
      await t.as('planner-state')
    )
      .post(`/api/v1/function-applications/${filed.body.id}/approve`)
      .set('If-Match', filed.headers.etag)
      .send({ validFrom, validTo, minimumYearlyVolume: 20 });
    expect(approved.status).toBe(200);
    return approved.body.functionId as string;
  };
  const announcements = (functionId: string) =>
    t.db.outboxMessage.count({ where: { messageKey: functionId, eventType: FunctionExpiring.type } });

  beforeAll(async () => {
    const offer = await (await t.as('planner-1081')).post('/api/v1/offers').send({
      name: 'Autismecenter Nord',
      legalBases: ['SEL_108'],
      targetGroups: ['AUTISM'],
      level: 'HIGH',
      places: 6,
      address: { street: 'Boulevarden 1', postalCode: '9000', city: 'Aalborg', municipalityCode: '851' },
    });
    expect(offer.status).toBe(201);
    offerId = offer.body.id;
    expiring = await approvedFunction('ADVISORY_FUNCTION', '2022-01-01', inThreeMonths);
    renewedOne = await approvedFunction('SPECIAL_FUNCTION', '2022-01-01', inThreeMonths);
    await approvedFunction('SPECIAL_FUNCTION', addDays(inThreeMonths, 1), addMonths(today, 63));
    longLived = await approvedFunction('ADVISORY_FUNCTION', addDays(inThreeMonths, 30), addMonths(today, 66));
  });

  it('runs the scan only when a test does: usePlanning turns its timer off', () => {
    expect(t.app.get(FunctionExpiryScheduler).scheduled).toBe(false);
  });

  it('lists the functions ending within 6 months, not the renewed one nor the long-lived', async () => {
    const res = await (
      await t.as('planner-1081')
    ).get(`/api/v1/functions?offerId=${offerId}&expiringWithinMonths=6`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((f: { id: string }) => f.id)).toEqual([expiring]);
    expect(res.body.items[0]).toMatchObject({ expiring: true, renewed: false, validTo: inThreeMonths });

    const renewed = await (await t.as('planner-1081')).get(`/api/v1/functions/${renewedOne}`);
    expect(renewed.body).toMatchObject({ expiring: false, renewed: true });
    const all = await (await t.as('planner-1081')).get(`/api/v1/functions?offerId=${offerId}`);
    expect(all.body.items).toHaveLength(4);
  });

  it('announces each expiring function once, when the scan runs, and marks it announced', async () => {
    const scheduler = t.app.get(FunctionExpiryScheduler);
    expect(await scheduler.run()).toBeGreaterThanOrEqual(1);
    expect(await announcements(expiring)).toBe(1);
    await scheduler.run();
    expect(await announcements(expiring)).toBe(1);
    expect(await announcements(renewedOne)).toBe(0);
    expect(await announcements(longLived)).toBe(0);

    const fn = await (await t.as('planner-state')).get(`/api/v1/functions/${expiring}`);
    expect(fn.body.expiryAnnouncedAt).toEqual(expect.any(String));

    const event = await waitForEvent(
      TOPICS.plan,
      (e) => e.headers.ce_type === FunctionExpiring.type && e.key?.toString() === expiring,
      { from: since, timeoutMs: 30_000 },
    );
    expect(FunctionExpiring.schema.parse(eventData(event))).toEqual({
      functionId: expiring,
      offerId,
      operatorOrgCode: '1081',
      targetGroup: 'AUTISM',
      functionType: 'ADVISORY_FUNCTION',
      validTo: inThreeMonths,
    });
  });

  it('answers a bad expiry window with 400 naming it', async () => {
    const res = await (await t.as('caseworker-101')).get('/api/v1/functions?expiringWithinMonths=soon');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].pointer).toBe('query:expiringWithinMonths');
  });
});
