import {
  FunctionApproved,
  OfferUpdated,
  PlanApproved,
  ResponsibilityChanged,
  TOPICS,
  type EventData,
} from '@platform/contracts';
import { addDays, todayInDenmark } from '@platform/domain';
import {
  eventData,
  eventually,
  startServiceProcess,
  testDatabaseUrl,
  waitForEvent,
  type ServiceProcess,
  type TestService,
} from '@platform/testing';
import { Client } from 'pg';
import type { PrismaService } from '../src/database/prisma.service';
import { usePlanning } from './support/service';

/** The state's and region 1084's part of the golden path, and the referrals service (its own process) reacting. */
describe('scenario 1, step 1: the state makes VISION regional and approves specialty plan version 1', () => {
  let t: TestService<PrismaService>;
  let referrals: ServiceProcess;
  let referralsDb: Client;
  const today = todayInDenmark();
  const fiveYearsOn = `${Number(today.slice(0, 4)) + 5}${today.slice(4)}`;
  const since = new Date();
  let offerId: string;

  usePlanning((service) => (t = service));

  beforeAll(async () => {
    referrals = await startServiceProcess('referrals');
    referralsDb = new Client({ connectionString: testDatabaseUrl('referrals') });
    await referralsDb.connect();
  });
  afterAll(async () => {
    await referralsDb?.end();
    await referrals?.stop();
  });

  it('registers Synscenter Hovedstaden (region 1084, HIGH, 12 places) and the referrals service learns it', async () => {
    const res = await (await t.as('planner-1084')).post('/api/v1/offers').send({
      name: 'Synscenter Hovedstaden',
      legalBases: ['SEL_108'],
      targetGroups: ['VISION'],
      level: 'HIGH',
      places: 12,
      ratePerDay: '4500.00',
      address: { street: 'Rymarksvej 1', postalCode: '2900', city: 'Hellerup', municipalityCode: '157' },
    });
    expect(res.status).toBe(201);
    offerId = res.body.id;
    const event = await waitForEvent(TOPICS.offer, (e) => e.key?.toString() === offerId, { from: since });
    expect(eventData<EventData<typeof OfferUpdated>>(event)).toMatchObject({
      offerId,
      places: 12,
      version: 1,
    });
    await eventually(async () => {
      const { rows } = await referralsDb.query('SELECT places FROM offer WHERE id = $1', [offerId]);
      return rows[0]?.places === 12;
    });
  });

  it('makes VISION regional from today; a referral submitted in 101 then needs advice for that reason', async () => {
    const res = await (
      await t.as('planner-state')
    )
      .post('/api/v1/target-groups/VISION/responsibility-changes')
      .send({ responsibility: 'REGIONAL', effectiveFrom: today });
    expect([200, 201]).toContain(res.status);
    const event = await waitForEvent(
      TOPICS.plan,
      (e) =>
        e.headers.ce_type === ResponsibilityChanged.type &&
        eventData<EventData<typeof ResponsibilityChanged>>(e).effectiveFrom === today,
      { from: since },
    );
    expect(eventData(event)).toMatchObject({ targetGroup: 'VISION', responsibility: 'REGIONAL' });
    await eventually(async () => {
      const { rows } = await referralsDb.query(
        `SELECT responsibility FROM responsibility_change
         WHERE target_group = 'VISION' AND effective_from = $1::date`,
        [today],
      );
      return rows[0]?.responsibility === 'REGIONAL';
    });

    // A LIGHT referral without doubt needs advice only because the group is regional now (rule 3).
    const caseworker = await referrals.as('caseworker-101');
    const created = await caseworker.post('/api/v1/referrals').send({
      cpr: '0101901234',
      targetGroup: 'VISION',
      assessedLevel: 'LIGHT',
      referralDate: today,
    });
    expect(created.status).toBe(201);
    const submitted = await caseworker
      .post(`/api/v1/referrals/${created.body.id}/submit`)
      .set('If-Match', created.headers.etag);
    expect(submitted.status).toBe(200);
    expect(submitted.body.advice).toMatchObject({ required: true, reasons: ['REGIONAL_RESPONSIBILITY'] });
  });

  it('approves plan version 1: both VISION functions for Synscenter Hovedstaden, 5 years, at least 30 a year', async () => {
    const state = await t.as('planner-state');
    const entry = { targetGroup: 'VISION', offerId, validFrom: today, validTo: addDays(fiveYearsOn, -1) };
    const draft = await state.post('/api/v1/specialty-plans').send({
      title: 'Specialeplan, version 1',
      effectiveFrom: today,
      entries: [
        { ...entry, functionType: 'SPECIAL_FUNCTION', minimumYearlyVolume: 30 },
        { ...entry, functionType: 'ADVISORY_FUNCTION', minimumYearlyVolume: 30 },
      ],
    });
    expect(draft.status).toBe(201);
    const planId = draft.body.id;
    const consultation = await state
      .post(`/api/v1/specialty-plans/${planId}/consultation`)
      .set('If-Match', draft.headers.etag);
    expect(consultation.status).toBe(200);
    const approved = await state
      .post(`/api/v1/specialty-plans/${planId}/approve`)
      .set('If-Match', consultation.headers.etag);
    expect(approved.status).toBe(200);

    const plan = await waitForEvent(
      TOPICS.plan,
      (e) => e.headers.ce_type === PlanApproved.type && eventData<{ planId: string }>(e).planId === planId,
      { from: since },
    );
    expect(eventData<EventData<typeof PlanApproved>>(plan).entries).toHaveLength(2);
    for (const functionType of ['SPECIAL_FUNCTION', 'ADVISORY_FUNCTION']) {
      const approval = await waitForEvent(
        TOPICS.plan,
        (e) => {
          if (e.headers.ce_type !== FunctionApproved.type) return false;
          const data = eventData<EventData<typeof FunctionApproved>>(e);
          return data.offerId === offerId && data.functionType === functionType;
        },
        { from: since },
      );
      expect(eventData(approval)).toMatchObject({ targetGroup: 'VISION', minimumYearlyVolume: 30 });
    }

    const listed = await (await t.as('caseworker-101')).get(`/api/v1/functions?offerId=${offerId}`);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(2);
  });
});
