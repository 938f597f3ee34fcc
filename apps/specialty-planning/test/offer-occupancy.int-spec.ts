import {
  createCloudEvent,
  PlacementEnded,
  PlacementStarted,
  ReferralAccepted,
  toKafkaMessage,
  type EventData,
  type EventDefinition,
} from '@platform/contracts';
import { eventually, testKafka, useService, type TestService } from '@platform/testing';
import type { Producer } from 'kafkajs';
import { randomBytes, randomUUID } from 'node:crypto';
import { specialtyPlanningService } from '../src/app.module';
import type { PrismaService } from '../src/database/prisma.service';
import { clearTestOffers, offerBody } from './offer-fixtures';

const REFERRALS = '/services/referrals';

/**
 * Occupancy (belægning) is the referrals service's: the directory shows it from the placement events it consumes
 * through the inbox. Kafka delivers at least once, so the same event arrives twice here (one event id, sent
 * twice), and the referrals service may also publish a second event about a referral it already placed.
 */
describe('occupancy in the directory', () => {
  let t: TestService<PrismaService>;
  let producer: Producer;
  useService<PrismaService>(specialtyPlanningService, (service) => (t = service));

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
});
