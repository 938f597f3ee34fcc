import { createCloudEvent, OfferUpdated, ReferralCreated, toKafkaMessage, TOPICS } from '@platform/contracts';
import { KafkaConnection, kafkaClient, kafkaErrorTypes, type KafkaSettings } from '@platform/messaging';
import { kafkaPassword, stackSettings } from '@platform/testing';
import { randomUUID } from 'node:crypto';

/**
 * Finding 5: the broker knows who publishes. Each service signs in with its own SCRAM user and its ACLs, derived
 * from the topic registry by tools/stack, let it write only its own topics and read only what it consumes.
 * Against the real broker of the local stack.
 */
describe('Kafka authentication and ACLs', () => {
  const brokers = stackSettings().kafkaBrokers;
  const as = (username: string, password: string): KafkaSettings => ({
    brokers,
    clientId: `acl-test-${username}`,
    sasl: { mechanism: 'scram-sha-256', username, password },
  });
  const referrals = as('referrals', kafkaPassword('REFERRALS_KAFKA_PASSWORD'));
  const client = (settings: KafkaSettings) =>
    kafkaClient(settings, { connectionTimeout: 3_000, retry: { retries: 1, initialRetryTime: 100 } });

  /** What a call failed with: the Kafka error codes, or the kafkajs error's name. */
  async function failure(work: () => Promise<unknown>): Promise<{ types: string[]; name: string }> {
    try {
      await work();
    } catch (error) {
      return { types: kafkaErrorTypes(error), name: (error as Error).name };
    }
    throw new Error('expected the broker to refuse');
  }

  const offerEvent = () => {
    const offerId = randomUUID();
    return createCloudEvent({
      source: '/services/referrals',
      type: OfferUpdated.type,
      subject: offerId,
      data: { offerId, version: 99, name: 'Forged', places: 1 },
    });
  };

  it('refuses the referrals principal a write to planning.offer.v1 (owned by specialty-planning)', async () => {
    const producer = client(referrals).producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    try {
      const refused = await failure(() =>
        producer.send({ topic: TOPICS.offer, acks: -1, messages: [toKafkaMessage(offerEvent())] }),
      );
      expect(refused.types).toContain('TOPIC_AUTHORIZATION_FAILED');
    } finally {
      await producer.disconnect();
    }
  });

  it('lets the referrals principal write its own topic', async () => {
    const producer = client(referrals).producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    try {
      const referralId = randomUUID();
      const event = createCloudEvent({
        source: '/services/referrals',
        type: ReferralCreated.type,
        subject: referralId,
        data: { referralId, acl: 'test' } as never,
      });
      const [sent] = await producer.send({
        topic: TOPICS.referral,
        acks: -1,
        messages: [toKafkaMessage(event)],
      });
      expect(sent).toMatchObject({ topicName: TOPICS.referral, errorCode: 0 });
    } finally {
      await producer.disconnect();
    }
  });

  it('refuses the referrals principal a read of financing.funding.v1 (referrals does not consume it)', async () => {
    const consumer = client(referrals).consumer({ groupId: `referrals-acl-${randomUUID()}` });
    await consumer.connect();
    try {
      const refused = await failure(async () => {
        await consumer.subscribe({ topics: [TOPICS.funding], fromBeginning: true });
        await consumer.run({ eachMessage: async () => undefined });
      });
      expect(refused.types).toContain('TOPIC_AUTHORIZATION_FAILED');
    } finally {
      await consumer.disconnect();
    }
  });

  it('gives the referrals principal its own consumer groups (prefix referrals), no other', async () => {
    const admin = client(referrals).admin();
    await admin.connect();
    try {
      await expect(
        admin.fetchOffsets({ groupId: `referrals-acl-${randomUUID()}`, topics: [TOPICS.offer] }),
      ).resolves.toHaveLength(1);
      // The broker answers FindCoordinator with GROUP_AUTHORIZATION_FAILED; kafkajs reports no coordinator.
      const refused = await failure(() =>
        admin.fetchOffsets({ groupId: 'knowledge', topics: [TOPICS.offer] }),
      );
      expect(refused.name).toBe('KafkaJSGroupCoordinatorNotFound');
    } finally {
      await admin.disconnect();
    }
  });

  it('refuses a wrong password', async () => {
    const producer = client(as('referrals', 'not-the-password')).producer();
    const refused = await failure(() => producer.connect());
    expect(refused.name).toBe('KafkaJSSASLAuthenticationError');
    await producer.disconnect().catch(() => undefined);
  });

  it('refuses an unauthenticated client', async () => {
    const producer = client({ brokers, clientId: 'acl-test-anonymous' }).producer();
    // The SASL listener closes a connection that sends anything but the SASL handshake.
    const refused = await failure(async () => {
      await producer.connect();
      await producer.send({ topic: TOPICS.referral, messages: [{ value: 'anonymous' }] });
    });
    expect(refused.name).toMatch(/^KafkaJS/);
    await producer.disconnect().catch(() => undefined);
  });

  it('starts a service whose consumed topics exist although it may not create them, and names one that is missing', async () => {
    const existing = new KafkaConnection(referrals, { topics: [TOPICS.offer, TOPICS.referral] });
    await expect(existing.ensureTopics()).resolves.toBeUndefined();
    const missing = `acl-test-${randomUUID()}`;
    const refused = new KafkaConnection(referrals, { topics: [missing] });
    await expect(refused.ensureTopics()).rejects.toThrow(
      `Kafka topics ${missing} do not exist and referrals may not create them`,
    );
  });
});
