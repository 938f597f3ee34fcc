import { createCloudEvent, deadLetterTopic, OfferUpdated, toKafkaMessage, TOPICS } from '@platform/contracts';
import { testKafka, waitForEvent } from '@platform/testing';
import { randomUUID } from 'node:crypto';
import { startReferralsApp, type ReferralsTestApp } from './support/referrals-app';

/** Messages a consumer cannot apply are parked on `<topic>.dlq` with the reason, never dropped silently. */
describe('dead letters', () => {
  let t: ReferralsTestApp;
  const producer = testKafka('dlq-test').producer();

  beforeAll(async () => {
    t = await startReferralsApp();
    await producer.connect();
  });
  afterAll(async () => {
    await producer.disconnect();
    await t.close();
  });

  it('parks an offer event that breaks its schema, with the reason, and applies nothing', async () => {
    const offerId = randomUUID();
    const event = createCloudEvent({
      source: '/services/specialty-planning',
      type: OfferUpdated.type,
      subject: offerId,
      data: { offerId, version: 1, name: 'Broken offer', places: -3 },
    });
    const since = new Date();
    await producer.send({ topic: TOPICS.offer, messages: [toKafkaMessage(event)] });
    const parked = await waitForEvent(deadLetterTopic(TOPICS.offer), (m) => m.headers.ce_id === event.id, {
      from: since,
      timeoutMs: 30_000,
    });
    expect(parked.headers).toMatchObject({ dlq_source_topic: TOPICS.offer, dlq_consumer: 'referrals-test' });
    expect(parked.headers.dlq_error).toContain('EventSchemaError');
    expect(parked.headers.dlq_error).toContain('places');
    expect(await t.prisma.offer.findUnique({ where: { id: offerId } })).toBeNull();
  });

  it('parks a message that is not a CloudEvent', async () => {
    const key = randomUUID();
    const since = new Date();
    await producer.send({ topic: TOPICS.advice, messages: [{ key, value: 'not an event' }] });
    const parked = await waitForEvent(deadLetterTopic(TOPICS.advice), (m) => m.key?.toString() === key, {
      from: since,
      timeoutMs: 30_000,
    });
    expect(parked.headers.dlq_error).toContain('InvalidCloudEventError');
  });
});
