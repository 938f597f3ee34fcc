import { AuditRecorded, ReferralAdviceReceived, TOPICS } from '@platform/contracts';
import { collectEvents, eventData } from '@platform/testing';
import { eventually } from '@platform/testing';
import type { Knowledge } from './support/knowledge';
import type { SpecialtyPlanning } from './support/specialty-planning';
import { useReferralsApp } from './support/harness';
import type { ReferralApi } from './support/referral-api';
import { referralEvents } from './support/referral-events';
import type { ReferralsTestApp } from './support/referrals-app';

/**
 * Issue 7, finding 9: advice arriving after an urgent decision changes follows-advice/deviation (rule 4).
 * That change goes through the command path like any other: it emits `advice-received` (deviation included,
 * for financing and the state) and an audit event naming the service. Before, the row changed silently.
 */
describe('advice arriving after an urgent decision', () => {
  let t: ReferralsTestApp;
  let api: ReferralApi;
  let knowledge: Knowledge;
  let planning: SpecialtyPlanning;

  useReferralsApp((h) => ({ t, api, knowledge, planning } = h));

  it('records the deviation, publishes advice-received with it and audits the change', async () => {
    const since = new Date();
    const decidedAt = await planning.registerOffer({ level: 'MODERATE', targetGroups: ['AUTISM'] });
    const advised = await planning.registerOffer({ level: 'HIGH', targetGroups: ['AUTISM'] });
    await knowledge.advisoryFunctionAt(advised, 'AUTISM');
    const { id } = await api.create('caseworker-101', {
      targetGroup: 'AUTISM',
      assessedLevel: 'HIGH',
      urgent: true,
      urgentReason: 'The citizen cannot stay at home tonight',
    });
    expect((await api.command('caseworker-101', id, 'submit')).body.status).toBe('AWAITING_ADVICE');
    const decided = await api.command('caseworker-101', id, 'decision', {
      offerId: decidedAt.offerId,
      level: 'MODERATE',
      startDate: '2026-03-02',
    });
    expect(decided.status).toBe(200);
    expect(decided.body.decision).toMatchObject({ decidedBeforeAdvice: true, followsAdvice: null });

    // The advisor answers after the decision: the advice arrives late, over Kafka, from knowledge.
    const { id: adviceCaseId } = await knowledge.advise(id, {
      level: 'HIGH',
      offerId: advised.offerId,
      rationale: 'Needs the highly specialised offer',
    });
    await eventually(
      async () => (await t.prisma.referral.findUnique({ where: { id } }))?.adviceCaseId === adviceCaseId,
    );

    const res = await api.get('caseworker-101', id);
    expect(res.body.status).toBe('DECIDED');
    expect(res.body.decision).toMatchObject({ followsAdvice: false, deviation: true });
    expect(res.body.decision.deviationReasons.length).toBeGreaterThan(0);

    const received = (await referralEvents(id, 5)).filter((e) => e.type === ReferralAdviceReceived.type);
    expect(received).toHaveLength(1);
    expect(received[0].data).toMatchObject({
      referralId: id,
      municipalityCode: '101',
      adviceCaseId,
      level: 'HIGH',
      offerId: advised.offerId,
      followsAdvice: false,
      deviation: true,
    });

    let audits: { action: string; actor: { subject: string }; outcome: string }[] = [];
    await eventually(async () => {
      audits = (await collectEvents(TOPICS.audit, { from: since }))
        .filter((e) => e.key?.toString() === id && e.headers.ce_type === AuditRecorded.type)
        .map((e) => eventData(e));
      return audits.some((a) => a.action === 'referral.receive-advice');
    });
    expect(audits.find((a) => a.action === 'referral.receive-advice')).toMatchObject({
      actor: { subject: 'service:referrals' },
      outcome: 'ALLOWED',
    });
  }, 180_000); // specialty planning and knowledge start as their own processes
});
