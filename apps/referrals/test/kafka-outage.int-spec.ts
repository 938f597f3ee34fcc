import { ReferralCreated, TOPICS } from '@platform/contracts';
import { InboxProcessor, on, type Delivery } from '@platform/messaging';
import { migrate } from '@platform/persistence';
import { PrismaPg } from '@prisma/adapter-pg';
import { openConnectionsTo, stackSettings, testKafka } from '@platform/testing';
import type { Consumer, Kafka } from 'kafkajs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { PrismaClient } from '../src/generated/prisma/client';
import { ReferralApi } from './support/referral-api';
import { eventually } from '@platform/testing';
import { MIGRATIONS_DIR, startReferralsApp, type ReferralsTestApp } from './support/referrals-app';

const STACK = join(__dirname, '../../../tools/stack');
const kafkaPort = Number(stackSettings().kafkaBrokers[0]!.split(':').pop());
const CONSUMER_DB = 'postgresql://postgres@127.0.0.1:5432/referrals_inbox_test';

/** When this file started: the new consumer group reads from here, not the topic's whole history on this broker. */
const STARTED = Date.now() - 60_000;

/**
 * A new group starts where the topic stood at `since`, as a new service deployed then would: a developer's
 * broker may hold many thousands of older events (benchmarks), which only slow the test down.
 */
async function startGroupAt(kafka: Kafka, groupId: string, since: number): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsetsByTimestamp(TOPICS.referral, since);
    await admin.setOffsets({ groupId, topic: TOPICS.referral, partitions: offsets });
  } finally {
    await admin.disconnect();
  }
}

/** A consumer of referral events elsewhere on the platform, using the inbox; its effect is one row per event. */
async function startInboxConsumer(db: PrismaClient, outcomes: string[]): Promise<Consumer> {
  const kafka = testKafka('inbox-test');
  const producer = kafka.producer();
  await producer.connect();
  const inbox = new InboxProcessor(db, async () => producer, {
    consumer: 'inbox-test',
    maxAttempts: 3,
    retryDelayMs: 50,
  });
  const groupId = `inbox-test-${Date.now()}`;
  await startGroupAt(kafka, groupId, STARTED);
  const consumer = kafka.consumer({ groupId });
  await consumer.connect();
  await consumer.subscribe({ topic: TOPICS.referral, fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic, partition, message }) => {
      const delivery: Delivery = {
        topic,
        partition,
        message: message as Delivery['message'],
        commit: () =>
          consumer.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]),
      };
      outcomes.push(
        await inbox.process(delivery, [
          on(ReferralCreated, async (tx, data) => {
            await tx.$executeRaw`INSERT INTO test_effect (referral_id) VALUES (${data.referralId}::uuid)`;
          }),
        ]),
      );
    },
  });
  consumer.on(consumer.events.DISCONNECT, () => void producer.disconnect());
  return consumer;
}

describe('with Kafka stopped', () => {
  let t: ReferralsTestApp;
  let api: ReferralApi;
  let consumerDb: PrismaClient;
  let consumer: Consumer;
  const outcomes: string[] = [];
  const ids: string[] = [];

  beforeAll(async () => {
    t = await startReferralsApp();
    api = new ReferralApi(t.app);
    await migrate(CONSUMER_DB, MIGRATIONS_DIR);
    consumerDb = new PrismaClient({ adapter: new PrismaPg({ connectionString: CONSUMER_DB }) });
    await consumerDb.$executeRaw`CREATE TABLE IF NOT EXISTS test_effect (referral_id uuid NOT NULL)`;
  }, 120_000);

  afterAll(async () => {
    execFileSync(STACK, ['up'], { stdio: 'ignore' });
    await consumer?.disconnect();
    await consumerDb?.$disconnect();
    await t?.close(); // a no-op when the last test closed it already
  }, 120_000);

  it('still creates referrals; their events wait in the outbox', async () => {
    execFileSync(STACK, ['down', 'kafka'], { stdio: 'ignore' });
    for (let i = 0; i < 5; i++) ids.push((await api.create('caseworker-101')).id);
    const waiting = await t.prisma.outboxMessage.count({ where: { messageKey: { in: ids }, sentAt: null } });
    expect(waiting).toBeGreaterThanOrEqual(5);
  }, 120_000);

  it('publishes every waiting event once Kafka is back', async () => {
    execFileSync(STACK, ['up'], { stdio: 'ignore' });
    await eventually(
      async () =>
        (await t.prisma.outboxMessage.count({ where: { messageKey: { in: ids }, sentAt: null } })) === 0,
      90_000,
    );
  }, 150_000);

  it('has a consumer with the inbox apply each event exactly once, also when it is delivered again', async () => {
    const effects = () => consumerDb.$queryRaw<{ referral_id: string; n: bigint }[]>`
      SELECT referral_id::text, count(*) AS n FROM test_effect WHERE referral_id = ANY(${ids}::uuid[]) GROUP BY referral_id`;
    // A fresh consumer group reads the topic from the beginning, as a new service would.
    consumer = await startInboxConsumer(consumerDb, outcomes);
    await eventually(async () => (await effects()).length === ids.length, 60_000);

    // Deliver every created event a second time, as a producer retry or a replay would.
    const sent = await t.prisma.outboxMessage.findMany({
      where: { messageKey: { in: ids }, eventType: ReferralCreated.type },
    });
    const producer = testKafka('replay').producer();
    await producer.connect();
    const duplicatesBefore = outcomes.filter((o) => o === 'duplicate').length;
    await producer.send({
      topic: TOPICS.referral,
      messages: sent.map((m) => ({
        key: m.messageKey,
        value: JSON.stringify(m.payload),
        headers: m.headers as Record<string, string>,
      })),
    });
    await producer.disconnect();
    await eventually(
      async () => outcomes.filter((o) => o === 'duplicate').length >= duplicatesBefore + ids.length,
      60_000,
    );

    const rows = await effects();
    expect(rows).toHaveLength(ids.length);
    expect(rows.every((r) => Number(r.n) === 1)).toBe(true);
  }, 150_000);

  // Its consumer crashed and restarted during the outage: closing must still end every broker and database
  // connection it opened (the built-in Nest Kafka server used to keep one past app.close()).
  it('leaves no connection to Kafka or PostgreSQL open once closed', async () => {
    await consumer.disconnect();
    await consumerDb.$disconnect();
    await t.close();
    await new Promise((r) => setTimeout(r, 500));
    expect({ kafka: openConnectionsTo(kafkaPort), postgres: openConnectionsTo(5432) }).toEqual({
      kafka: 0,
      postgres: 0,
    });
  });
});
