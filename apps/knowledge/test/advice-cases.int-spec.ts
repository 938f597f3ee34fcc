import {
  AdviceCaseAssigned,
  AdviceCaseOpened,
  AdviceGiven,
  AdviceMetricsUpdated,
  TOPICS,
} from '@platform/contracts';
import {
  collectEvents,
  eventData,
  eventually,
  useService,
  waitForEvent,
  type TestService,
} from '@platform/testing';
import { knowledgeService } from '../src/app.module';
import type { PrismaService } from '../src/database/prisma.service';
import { caseOfReferral, etag } from './support/cases';
import type { TestFunction } from './support/planning';
import { useProducers } from './support/producers';
import { adviceRequiredOf, redeliver } from './support/referrals';

const typeOf = (e: { headers: Record<string, string> }) => e.headers.ce_type;

// Specialty planning and referrals start as their own processes on first use (a build, migrations).
jest.setTimeout(180_000);

describe('advice cases (rådgivningssager)', () => {
  let t: TestService<PrismaService>;
  useService<PrismaService>(knowledgeService, (s) => (t = s));
  const { planning, referrals } = useProducers(() => t);

  // Target groups of this file only (see Planning.clearTargetGroup): one held in two regions, one in Hovedstaden.
  const targetGroup = 'EATING_DISORDERS';
  const heldInHovedstaden = 'MENTAL_ILLNESS_SUBSTANCE_ABUSE';
  let hovedstaden: TestFunction;
  let midtjylland: TestFunction;
  let lone: TestFunction;

  beforeAll(async () => {
    await planning.clearTargetGroup(targetGroup);
    await planning.clearTargetGroup(heldInHovedstaden);
    hovedstaden = await planning.advisoryFunction({ targetGroup, operatorOrgCode: '1084' });
    midtjylland = await planning.advisoryFunction({ targetGroup, operatorOrgCode: '1082' });
    lone = await planning.advisoryFunction({ targetGroup: heldInHovedstaden, operatorOrgCode: '1084' });
  });

  it('opens exactly one case when the advice-required event arrives twice (one id, then another)', async () => {
    const since = new Date();
    const referral = await referrals.needingAdvice(targetGroup);
    const opened = await caseOfReferral(t, referral.referralId);
    // The broker delivers the referrals service's event again (the same id, twice), then a replay under a new id:
    // the inbox drops the first, the case is not doubled by the second.
    const required = await adviceRequiredOf(referral.referralId, since);
    const firstId = required.headers.ce_id;
    await redeliver(required);
    await redeliver(required);
    const secondId = await redeliver(required, { newId: true });
    await eventually(async () => (await t.db.inboxMessage.count({ where: { eventId: secondId } })) === 1);
    expect(await t.db.inboxMessage.count({ where: { eventId: firstId } })).toBe(1);
    expect(await t.db.adviceCase.count({ where: { referralId: referral.referralId } })).toBe(1);
    await waitForEvent(
      TOPICS.advice,
      (e) =>
        typeOf(e) === AdviceCaseAssigned.type &&
        eventData<{ adviceCaseId: string }>(e).adviceCaseId === opened.id,
      { from: since },
    );
    const events = (await collectEvents(TOPICS.advice, { from: since })).filter(
      (e) => eventData<{ adviceCaseId?: string }>(e).adviceCaseId === opened.id,
    );
    expect(events.map(typeOf).sort()).toEqual([AdviceCaseAssigned.type, AdviceCaseOpened.type].sort());
    expect(opened).toMatchObject({
      status: 'ASSIGNED',
      assignmentKind: 'OWN_REGION',
      regionCode: '1084',
      advisorOrgCode: '1084',
      offerId: hovedstaden.offerId,
      citizenPseudonym: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('assigns a referral from a region without a function to the nearest region holding one', async () => {
    // Aarhus, Midtjylland: none in Midtjylland, Nordjylland, Syddanmark or Sjælland, so Hovedstaden
    const referral = await referrals.needingAdvice(heldInHovedstaden, 'caseworker-751');
    expect(await caseOfReferral(t, referral.referralId)).toMatchObject({
      assignmentKind: 'NEAREST_REGION',
      regionCode: '1084',
      offerId: lone.offerId,
    });
  });

  it('shows the case to its advisors, the referring municipality and the state; 404 to everyone else', async () => {
    const referral = await referrals.needingAdvice(targetGroup);
    const c = await caseOfReferral(t, referral.referralId);
    const path = `/api/v1/advice-cases/${c.id}`;
    for (const who of ['advisor-1084', 'caseworker-101', 'auditor-state'] as const) {
      const res = await (await t.as(who)).get(path);
      expect({ who, status: res.status }).toEqual({ who, status: 200 });
    }
    for (const who of ['advisor-1082', 'caseworker-751'] as const) {
      const res = await (await t.as(who)).get(path);
      expect({ who, status: res.status }).toEqual({ who, status: 404 });
    }
    expect((await (await t.as('planner-1084')).get(path)).status).toBe(403);
    const list = await (
      await t.as('advisor-1082')
    ).get(`/api/v1/advice-cases?referralId=${referral.referralId}`);
    expect(list.body.items).toEqual([]);
    const view = (await (await t.as('advisor-1084')).get(path)).body;
    expect(view).toMatchObject({
      status: 'ASSIGNED',
      citizen: { pseudonym: c.citizenPseudonym, ageGroup: 'ADULT' },
      deadline: { workingDays: 10, overdue: false },
      assignment: { kind: 'OWN_REGION', regionCode: '1084' },
      history: [{ position: 1, cause: 'OPENED' }],
    });
    expect(view.deadline.workingDaysLeft).toBe(10);
    // and an advisor of another region cannot answer it either
    const answer = await (
      await t.as('advisor-1082')
    )
      .post(`${path}/advice`)
      .set('If-Match', etag(c.version))
      .send({
        level: 'HIGH',
        offerId: hovedstaden.offerId,
        rationale: 'Forsøg på at svare for en anden region',
      });
    expect(answer.status).toBe(404);
  });

  it('audits every read of a case, and the denied attempt, by the citizen pseudonym', async () => {
    const referral = await referrals.needingAdvice(targetGroup);
    const c = await caseOfReferral(t, referral.referralId);
    await (await t.as('advisor-1084')).get(`/api/v1/advice-cases/${c.id}`);
    await (await t.as('advisor-1082')).get(`/api/v1/advice-cases/${c.id}`);
    const audits = await t.db.outboxMessage.findMany({ where: { topic: TOPICS.audit, messageKey: c.id } });
    const entries = audits.map(
      (a) => a.payload as { action: string; outcome: string; citizenPseudonym?: string },
    );
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'advice-case.read',
          outcome: 'ALLOWED',
          citizenPseudonym: c.citizenPseudonym,
        }),
        expect.objectContaining({ action: 'advice-case.read', outcome: 'DENIED' }),
      ]),
    );
  });

  it('moves a declined case on in the order, and gives advice that reaches Kafka as AdviceGiven', async () => {
    const since = new Date();
    const referral = await referrals.needingAdvice(targetGroup);
    const c = await caseOfReferral(t, referral.referralId);
    const declined = await (
      await t.as('advisor-1084')
    )
      .post(`/api/v1/advice-cases/${c.id}/decline`)
      .set('If-Match', etag(c.version))
      .send({ reason: 'Ingen kapacitet i rådgivningsteamet denne måned' });
    expect(declined.status).toBe(200);
    // Hovedstaden declined: the nearest region holding one (Syddanmark, Midtjylland, …) is Midtjylland
    expect(declined.body.assignment).toMatchObject({ kind: 'NEAREST_REGION', regionCode: '1082' });
    expect(declined.body.history.map((h: { cause: string }) => h.cause)).toEqual(['OPENED', 'DECLINED']);
    expect((await (await t.as('advisor-1084')).get(`/api/v1/advice-cases/${c.id}`)).status).toBe(404);

    const advice = await (
      await t.as('advisor-1082')
    )
      .post(`/api/v1/advice-cases/${c.id}/advice`)
      .set('If-Match', declined.headers.etag)
      .send({
        level: 'HIGH',
        offerId: midtjylland.offerId,
        rationale: 'Højt specialiseret tilbud anbefales',
        offerType: 'DOEGNTILBUD',
      });
    expect(advice.status).toBe(200);
    expect(advice.body).toMatchObject({ status: 'ADVICE_GIVEN', advice: { level: 'HIGH', onTime: true } });
    const given = await waitForEvent(
      TOPICS.advice,
      (e) =>
        typeOf(e) === AdviceGiven.type &&
        eventData<{ referralId: string }>(e).referralId === referral.referralId,
      { from: since },
    );
    expect(eventData(given)).toMatchObject({
      adviceCaseId: c.id,
      municipalityCode: '101',
      advisorOrgCode: '1082',
      level: 'HIGH',
      offerId: midtjylland.offerId,
      offerType: 'DOEGNTILBUD',
      onTime: true,
    });
    const again = await (
      await t.as('advisor-1082')
    )
      .post(`/api/v1/advice-cases/${c.id}/advice`)
      .set('If-Match', advice.headers.etag)
      .send({
        level: 'HIGH',
        offerId: midtjylland.offerId,
        rationale: 'Højt specialiseret tilbud anbefales',
      });
    expect(again.status).toBe(409);

    // the case worker's decision follows the advice: the function's metrics say so, by API and by event
    const year = new Date().getFullYear();
    const inMunicipality = async () => {
      // '0101' names København as '101' does: the answer keeps the 3-digit code
      const res = await (
        await t.as('planner-state')
      ).get(`/api/v1/knowledge-metrics?year=${year}&targetGroup=${targetGroup}&municipality=0101`);
      expect(res.status).toBe(200);
      expect(
        res.body.municipalities.every((m: { municipalityCode: string }) => m.municipalityCode === '101'),
      ).toBe(true);
      return res.body.municipalities[0];
    };
    const before = await inMunicipality();
    const unknown = await (
      await t.as('planner-state')
    ).get(`/api/v1/knowledge-metrics?year=${year}&municipality=999`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ pointer: 'query:municipality' })]);
    expect(before).toMatchObject({
      municipalityCode: '101',
      municipalityName: 'København',
      targetGroup,
      year,
    });
    const decided = await referrals.decide(referral, midtjylland.offerId, 'HIGH');
    expect(decided.decision).toMatchObject({ followsAdvice: true, deviation: false });
    await eventually(
      async () => (await t.db.adviceCase.findUniqueOrThrow({ where: { id: c.id } })).followsAdvice === true,
    );
    const metrics = await waitForEvent(
      TOPICS.advice,
      (e) =>
        typeOf(e) === AdviceMetricsUpdated.type &&
        eventData<{ offerId: string; adviceFollowed: number }>(e).offerId === midtjylland.offerId &&
        eventData<{ adviceFollowed: number }>(e).adviceFollowed >= 1,
      { from: since },
    );
    expect(eventData(metrics)).toMatchObject({
      functionId: midtjylland.functionId,
      citizensAdvised: 1,
      minimumYearlyVolume: 30,
      belowMinimumVolume: true,
    });
    // the decision counts for the referring municipality: one more followed, no more advice given or deviated
    expect(await inMunicipality()).toEqual({ ...before, adviceFollowed: before.adviceFollowed + 1 });
    const api = await (
      await t.as('planner-state')
    ).get(`/api/v1/knowledge-metrics?year=${year}&targetGroup=${targetGroup}`);
    expect(api.status).toBe(200);
    // earlier runs' functions of the group may have advice this year too: this run's function is its own row
    expect(api.body.functions.filter((f: { offerId: string }) => f.offerId === midtjylland.offerId)).toEqual([
      expect.objectContaining({
        offerId: midtjylland.offerId,
        citizensAdvised: 1,
        adviceOnTime: 1,
        adviceFollowed: 1,
        adviceDeviatedFrom: 0,
      }),
    ]);
  });

  it('lets a municipality ask about a case in doubt, and the national function take what no region holds', async () => {
    const res = await (await t.as('caseworker-751')).post('/api/v1/advice-cases').send({
      targetGroup: 'HEARING',
      question: 'Er der behov for højt specialiseret indsats for barnet?',
      ageGroup: 'CHILD',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ origin: 'MUNICIPALITY', municipalityCode: '751', referralId: null });
    const referral = await referrals.needingAdvice(targetGroup);
    const c = await caseOfReferral(t, referral.referralId);
    const twice = await (
      await t.as('caseworker-101')
    )
      .post('/api/v1/advice-cases')
      .send({ targetGroup, question: 'Vi er i tvivl om niveauet', referralId: referral.referralId });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ adviceCaseId: c.id });
    const national = await (
      await t.as('advisor-1084')
    )
      .post(`/api/v1/advice-cases/${c.id}/reassign`)
      .set('If-Match', etag(c.version))
      .send({ reason: 'Sagen kræver national ekspertise' });
    expect(national.status).toBe(200);
    expect(national.body.assignment).toMatchObject({
      kind: 'NATIONAL',
      advisorOrgType: 'state',
      regionCode: null,
    });
  });
});
