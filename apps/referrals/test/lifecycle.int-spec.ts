import { EVENT_CATALOGUE, TOPICS } from '@platform/contracts';
import { addDays, todayInDenmark } from '@platform/domain';
import { eventually, getToken } from '@platform/testing';
import { referralEvents } from './support/referral-events';
import { ReferralApi } from './support/referral-api';
import { containsCpr } from './support/referral-factory';
import type { Knowledge } from './support/knowledge';
import type { SpecialtyPlanning, TestOffer } from './support/specialty-planning';
import { useReferralsApp } from './support/harness';
import type { ReferralsTestApp } from './support/referrals-app';

describe('a referral through its whole lifecycle, with advice, deviation and acceptance', () => {
  let t: ReferralsTestApp;
  let api: ReferralApi;
  let knowledge: Knowledge;
  let planning: SpecialtyPlanning;
  let advised: TestOffer;
  let moderate: TestOffer;
  const cpr = '1503851234';
  const today = todayInDenmark();
  const start = addDays(today, 14);
  let id: string;

  useReferralsApp((h) => ({ t, api, knowledge, planning } = h));

  beforeAll(async () => {
    // The state makes VISION regional from today: never earlier, since placements are already decided before it.
    await planning.setResponsibility('VISION', 'REGIONAL', today);
    advised = await planning.registerOffer({ level: 'HIGH' });
    moderate = await planning.registerOffer({ level: 'MODERATE', name: 'Synsrådgivning (test)' });
    // Region 1084 holds VISION's advisory function: the referral's advice case is assigned to its advisors.
    await knowledge.advisoryFunctionAt(advised, 'VISION');
    id = (
      await api.create('caseworker-101', {
        cpr,
        targetGroup: 'VISION',
        assessedLevel: 'HIGH',
        referralDate: today,
      })
    ).id;
  }, 180_000); // specialty planning and knowledge start as their own processes

  it('requires advice on submit for a HIGH level and a regionally run target group', async () => {
    const res = await api.command('caseworker-101', id, 'submit');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('AWAITING_ADVICE');
    expect(res.body.advice).toMatchObject({
      required: true,
      reasons: expect.arrayContaining(['HIGH_LEVEL', 'REGIONAL_RESPONSIBILITY']),
    });
    expect(res.body.advice.dueAt).toEqual(expect.any(String));
  });

  it('refuses a decision before advice with 409 naming the state and the allowed steps', async () => {
    const res = await api.command('caseworker-101', id, 'decision', {
      offerId: advised.offerId,
      level: 'HIGH',
      startDate: start,
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      type: 'urn:dk:social:problem:invalid-transition',
      currentStatus: 'AWAITING_ADVICE',
    });
    expect(res.body.allowed).toEqual(expect.arrayContaining(['withdraw']));
  });

  it('shows advice from knowledge on the referral, which is then ready for decision', async () => {
    await knowledge.advise(id, {
      level: 'HIGH',
      offerId: advised.offerId,
      rationale: 'Needs the special function for vision impairment',
    });
    await eventually(
      async () => (await t.prisma.referral.findUnique({ where: { id } }))?.status === 'READY_FOR_DECISION',
    );
    const res = await api.get('caseworker-101', id);
    expect(res.body.advice.given).toMatchObject({ level: 'HIGH', offerId: advised.offerId });
  });

  it('refuses a lower level than advised without a justification', async () => {
    const res = await api.command('caseworker-101', id, 'decision', {
      offerId: moderate.offerId,
      level: 'MODERATE',
      startDate: start,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].pointer).toBe('/justification');
  });

  it('records a justified deviation and flags it', async () => {
    const res = await api.command('caseworker-101', id, 'decision', {
      offerId: moderate.offerId,
      level: 'MODERATE',
      startDate: start,
      justification: 'The family lives next to the moderate offer and the advisor agreed by phone',
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('DECIDED');
    expect(res.body.decision).toMatchObject({
      followsAdvice: false,
      deviation: true,
      deviationReasons: ['LOWER_LEVEL', 'OTHER_OFFER'],
    });
  });

  it("sends it to the offer's operator, who sees it in the worklist but not the citizen", async () => {
    expect((await api.command('caseworker-101', id, 'send')).body.status).toBe('SENT_TO_OFFER');
    const worklist = await api
      .http()
      .get('/api/v1/operator/worklist')
      .auth(await getToken('caseworker-1084'), { type: 'bearer' });
    expect(worklist.body.items.map((r: { id: string }) => r.id)).toContain(id);
    const citizen = await api
      .http()
      .get(`/api/v1/referrals/${id}/citizen`)
      .auth(await getToken('caseworker-1084'), { type: 'bearer' });
    expect(citizen.status).toBe(403);
    expect(JSON.stringify(citizen.body)).not.toContain(cpr);
  });

  it('keeps other regions and the state out, and does not let the case worker accept for the operator', async () => {
    expect((await api.get('caseworker-1082', id)).status).toBe(404);
    expect((await api.get('finance-state', id)).status).toBe(403);
    expect((await api.command('caseworker-101', id, 'accept')).status).toBe(404);
  });

  it('lets the operator accept, then see the citizen (audited)', async () => {
    const accepted = await api.command('caseworker-1084', id, 'accept');
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('ACCEPTED');
    const citizen = await api
      .http()
      .get(`/api/v1/referrals/${id}/citizen`)
      .auth(await getToken('caseworker-1084'), { type: 'bearer' });
    expect(citizen.body.cpr).toBe(cpr);
    const audit = await t.prisma.outboxMessage.findMany({ where: { topic: TOPICS.audit, messageKey: id } });
    expect(audit.map((a) => (a.payload as { action: string }).action)).toContain('citizen.read');
  });

  it('starts and ends the placement', async () => {
    const started = await api.command('caseworker-1084', id, 'placement/start', {});
    expect(started.body).toMatchObject({ status: 'PLACEMENT_ACTIVE', placement: { start } });
    const ended = await api.command('caseworker-1084', id, 'placement/end', { endDate: addDays(today, 90) });
    expect(ended.body.status).toBe('ENDED');
  });

  it('refuses withdrawal of an ended referral with 409', async () => {
    const res = await api.command('caseworker-101', id, 'withdraw', { reason: 'too late' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ currentStatus: 'ENDED', allowed: [] });
  });

  it('emitted exactly one event per transition, each valid and without CPR', async () => {
    const received = await referralEvents(id, 9);
    expect(received.map((e) => e.type)).toEqual([
      'dk.social.referral.created.v1',
      'dk.social.referral.submitted.v1',
      'dk.social.referral.advice-required.v1',
      'dk.social.referral.advice-received.v1',
      'dk.social.referral.decided.v1',
      'dk.social.referral.sent.v1',
      'dk.social.referral.accepted.v1',
      'dk.social.referral.placement-started.v1',
      'dk.social.referral.placement-ended.v1',
    ]);
    for (const e of received) {
      const definition = EVENT_CATALOGUE.find((d) => d.type === e.type)!;
      expect(definition.schema.safeParse(e.data).success).toBe(true);
      expect(containsCpr(e.raw, cpr)).toBe(false);
    }
    const decided = received.find((e) => e.type.endsWith('decided.v1'))!.data as { deviation: boolean };
    expect(decided.deviation).toBe(true);
  });
});
