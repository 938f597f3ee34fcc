import { AdviceCaseOverdue, TOPICS } from '@platform/contracts';
import { eventData, eventually, useService, waitForEvent, type TestService } from '@platform/testing';
import { knowledgeService } from '../src/app.module';
import type { PrismaService } from '../src/database/prisma.service';
import { caseOfReferral, etag } from './support/cases';
import { useProducers } from './support/producers';

// Specialty planning and referrals start as their own processes on first use (a build, migrations).
jest.setTimeout(180_000);

/** A case passes its deadline: the scheduler flags it once and AdviceCaseOverdue goes out (rule 3, scenario 3). */
describe('an advice case past its deadline', () => {
  let t: TestService<PrismaService>;
  useService<PrismaService>(knowledgeService, (s) => (t = s), { env: { ADVICE_OVERDUE_SCAN_MS: '200' } });
  const { planning, referrals } = useProducers(() => t);

  const targetGroup = 'COMPLEX_COMMUNICATION';

  beforeAll(async () => {
    await planning.clearTargetGroup(targetGroup);
    await planning.advisoryFunction({ targetGroup, operatorOrgCode: '1084' });
  });

  /** Moves the case's deadline into the past, as if its working days had run out. */
  const expire = (id: string) =>
    t.db.$executeRaw`UPDATE advice_case SET due_at = now() - interval '1 minute' WHERE id = ${id}::uuid`;

  it('is flagged overdue with an event, once, and shows it in its countdown', async () => {
    const since = new Date();
    const referral = await referrals.needingAdvice(targetGroup);
    const c = await caseOfReferral(t, referral.referralId);
    expect(c.overdue).toBe(false);
    await expire(c.id);
    const overdue = await waitForEvent(
      TOPICS.advice,
      (e) =>
        e.headers.ce_type === AdviceCaseOverdue.type &&
        eventData<{ adviceCaseId: string }>(e).adviceCaseId === c.id,
      { from: since },
    );
    expect(eventData(overdue)).toMatchObject({
      referralId: referral.referralId,
      municipalityCode: '101',
      assignment: { kind: 'OWN_REGION', regionCode: '1084' },
    });
    const view = await (await t.as('advisor-1084')).get(`/api/v1/advice-cases/${c.id}`);
    expect(view.body.deadline).toMatchObject({ overdue: true, overdueAt: expect.any(String) });
    const overdueList = await (
      await t.as('advisor-1084')
    ).get(`/api/v1/advice-cases?overdue=true&targetGroup=${targetGroup}`);
    expect(overdueList.body.items.map((i: { id: string }) => i.id)).toContain(c.id);
    await new Promise((r) => setTimeout(r, 1000)); // several scans later
    const events = await t.db.outboxMessage.count({
      where: { messageKey: c.id, eventType: AdviceCaseOverdue.type },
    });
    expect(events).toBe(1);

    // late advice is accepted and recorded as not on time
    const late = await (
      await t.as('advisor-1084')
    )
      .post(`/api/v1/advice-cases/${c.id}/advice`)
      .set('If-Match', view.headers.etag)
      .send({ level: 'HIGH', offerId: c.offerId, rationale: 'Svar efter fristen, men svar' });
    expect(late.status).toBe(200);
    expect(late.body.advice).toMatchObject({ onTime: false });
  });

  it('does not flag a case that was answered in time', async () => {
    const referral = await referrals.needingAdvice(targetGroup);
    const c = await caseOfReferral(t, referral.referralId);
    const answered = await (
      await t.as('advisor-1084')
    )
      .post(`/api/v1/advice-cases/${c.id}/advice`)
      .set('If-Match', etag(c.version))
      .send({
        level: 'MODERATE',
        offerId: c.offerId,
        rationale: 'Moderat specialiseret indsats er tilstrækkelig',
      });
    expect(answered.status).toBe(200);
    await expire(c.id);
    await new Promise((r) => setTimeout(r, 1000));
    await eventually(
      async () => (await t.db.adviceCase.findUniqueOrThrow({ where: { id: c.id } })).overdue === false,
    );
    expect(
      await t.db.outboxMessage.count({ where: { messageKey: c.id, eventType: AdviceCaseOverdue.type } }),
    ).toBe(0);
  });
});
