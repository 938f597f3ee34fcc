import {
  createCloudEvent,
  PlacementEnded,
  PlacementStarted,
  ReferralAccepted,
  toKafkaMessage,
  type EventData,
  type EventDefinition,
} from '@platform/contracts';
import { addDays, todayInDenmark } from '@platform/domain';
import { eventually, testKafka, type TestService } from '@platform/testing';
import type { Producer } from 'kafkajs';
import { randomBytes, randomUUID } from 'node:crypto';
import type { PrismaService } from '../src/database/prisma.service';
import { clearTestOffers, offerBody } from './offer-fixtures';
import { usePlanning } from './support/service';

const REFERRALS = '/services/referrals';

/**
 * Occupancy (belægning) is the referrals service's: the directory shows it from the placement events it consumes
 * through the inbox. Kafka delivers at least once, so the same event arrives twice here (one event id, sent
 * twice), and the referrals service may also publish a second event about a referral it already placed.
 */
describe('occupancy in the directory', () => {
  let t: TestService<PrismaService>;
  let producer: Producer;
  usePlanning((service) => (t = service));

  beforeAll(async () => {
    await clearTestOffers(t);
    producer = testKafka('specialty-planning-occupancy-test').producer();
    await producer.connect();
  });
  afterAll(() => producer.disconnect());

  /** Sends one CloudEvent `times` times, as a redelivering broker would: the same id every time. */
  async function deliver<D extends EventDefinition>(
    definition: D,
    data: EventData<D> & { referralId: string },
    times = 1,
  ) {
    const event = createCloudEvent({
      source: REFERRALS,
      type: definition.type,
      subject: data.referralId,
      data,
    });
    const message = toKafkaMessage(event);
    for (let i = 0; i < times; i++)
      await producer.send({ topic: definition.topic, acks: -1, messages: [message] });
    return event.id;
  }

  const placement = (offerId: string, referralId = randomUUID()): EventData<typeof PlacementStarted> => ({
    referralId,
    municipalityCode: '101',
    offerId,
    operatorOrgCode: '1084',
    citizenPseudonym: randomBytes(32).toString('hex'),
    ageGroup: 'ADULT',
    targetGroup: 'VISION',
    level: 'HIGH',
    startDate: '2027-02-01',
    deviation: false,
    followsAdvice: true,
  });

  const view = async (id: string) => (await (await t.as('caseworker-101')).get(`/api/v1/offers/${id}`)).body;
  const occupiedIs = (id: string, n: number) => eventually(async () => (await view(id)).occupied === n);

  it('counts each referral once, however often its placement event is delivered', async () => {
    const offer = (
      await (await t.as('planner-1084')).post('/api/v1/offers').send(offerBody('1084', { places: 3 }))
    ).body;
    const first = placement(offer.id);
    const eventId = await deliver(PlacementStarted, first, 2);
    await occupiedIs(offer.id, 1);

    // The same referral again under a new event id (a republished placement): still one place.
    const republished = await deliver(PlacementStarted, { ...first, startDate: '2027-02-02' });
    await deliver(
      ReferralAccepted,
      { referralId: randomUUID(), municipalityCode: '751', offerId: offer.id, operatorOrgCode: '1084' },
      2,
    );
    await occupiedIs(offer.id, 2);
    // Same key, same partition: once the later event is in the inbox, both copies before it were consumed.
    await eventually(async () => (await t.db.inboxMessage.count({ where: { eventId: republished } })) === 1);
    expect(await view(offer.id)).toMatchObject({ places: 3, occupied: 2, freePlaces: 1 });

    const inbox = await t.db.inboxMessage.count({ where: { eventId } });
    expect(inbox).toBe(1);

    await deliver(
      PlacementEnded,
      {
        referralId: first.referralId,
        municipalityCode: '101',
        offerId: offer.id,
        operatorOrgCode: '1084',
        citizenPseudonym: first.citizenPseudonym,
        endDate: '2027-03-01',
      },
      2,
    );
    await occupiedIs(offer.id, 1);
  });

  it('shows no free place when the referrals service placed more than the places set now', async () => {
    const agent = await t.as('planner-1084');
    const offer = (await agent.post('/api/v1/offers').send(offerBody('1084', { places: 2 }))).body;
    await deliver(PlacementStarted, placement(offer.id));
    await deliver(PlacementStarted, placement(offer.id));
    await occupiedIs(offer.id, 2);
    const lowered = await agent
      .put(`/api/v1/offers/${offer.id}/places`)
      .set('If-Match', '"1"')
      .send({ places: 1 });
    expect(lowered.body).toMatchObject({ places: 1, occupied: 2, freePlaces: 0 });
    const search = await agent.get('/api/v1/offers?operator=1084&freePlaces=true&limit=200');
    expect(search.body.items.map((o: { id: string }) => o.id)).not.toContain(offer.id);
  });

  describe('over time (GET /offers/:id/occupancy)', () => {
    const history = async (id: string, query: string) =>
      (await t.as('caseworker-101')).get(`/api/v1/offers/${id}/occupancy${query}`);

    it('records each change of occupied places and places for the day, and shows every day of the period', async () => {
      const today = todayInDenmark();
      const agent = await t.as('planner-1084');
      const offer = (await agent.post('/api/v1/offers').send(offerBody('1084', { places: 3 }))).body;
      // The days before the history of this offer began: recorded as if the offer had been there for a while.
      await t.db.offerOccupancyDay.createMany({
        data: [
          {
            offerId: offer.id,
            day: new Date(`${addDays(today, -5)}T00:00:00Z`),
            occupied: 1,
            places: 2,
            updatedAt: new Date(),
          },
          {
            offerId: offer.id,
            day: new Date(`${addDays(today, -3)}T00:00:00Z`),
            occupied: 2,
            places: 2,
            updatedAt: new Date(),
          },
        ],
      });
      await deliver(PlacementStarted, placement(offer.id), 2);
      await occupiedIs(offer.id, 1);
      await agent
        .put(`/api/v1/offers/${offer.id}/places`)
        .set('If-Match', '"1"')
        .send({ places: 4 })
        .expect(200);

      const res = await history(offer.id, `?from=${addDays(today, -4)}&to=${addDays(today, 10)}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        offerId: offer.id,
        from: addDays(today, -4),
        to: today, // never beyond today
        days: [
          { day: addDays(today, -4), occupied: 1, places: 2 },
          { day: addDays(today, -3), occupied: 2, places: 2 },
          { day: addDays(today, -2), occupied: 2, places: 2 },
          { day: addDays(today, -1), occupied: 2, places: 2 },
          { day: today, occupied: 1, places: 4 }, // the last change of the day wins
        ],
      });
      const days = await history(offer.id, `?from=${addDays(today, -10)}&to=${addDays(today, -4)}`);
      expect(days.body.days.map((d: { day: string }) => d.day)).toEqual([
        addDays(today, -5),
        addDays(today, -4),
      ]);
      // The default period: the 90 days up to today.
      expect((await history(offer.id, '')).body).toMatchObject({ from: addDays(today, -89), to: today });
    });

    it('refuses a period that ends before it starts, or is longer than 366 days, naming `to`; 404 for no offer', async () => {
      const offer = (await (await t.as('planner-1084')).post('/api/v1/offers').send(offerBody('1084'))).body;
      for (const query of ['?from=2026-05-02&to=2026-05-01', '?from=2025-01-01&to=2026-01-02']) {
        const res = await history(offer.id, query);
        expect(res.status).toBe(400);
        expect(res.body.errors).toEqual([expect.objectContaining({ pointer: 'query:to' })]);
      }
      const notADate = await history(offer.id, '?from=2026-02-30');
      expect(notADate.status).toBe(400);
      expect(notADate.body.errors).toEqual([expect.objectContaining({ pointer: 'query:from' })]);
      expect((await history(randomUUID(), '')).status).toBe(404);
    });
  });
});
