import type { KafkaMessage } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { kafkaClient, type KafkaSettings } from '../../src/kafka/kafka-client';

/**
 * Where the local stack is, from the same variables as @platform/testing (which this library's tests cannot
 * import: it depends on libs/kit, which depends on libs/messaging).
 */
const env = process.env;
export const KAFKA_BROKERS = (env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((b) => b.trim());
export const databaseUrl = (database: string, port = env.DATABASE_PORT ?? env.PGPORT ?? '5432') =>
  `postgresql://${env.DATABASE_USER ?? env.PGUSER ?? 'postgres'}@${env.DATABASE_HOST ?? '127.0.0.1'}:${port}/${database}`;

const demo = parseEnv(readFileSync(join(__dirname, '../../../../infra/env/demo.env'), 'utf8'));

/** The local stack's test principal (full rights on topics and groups there), as @platform/testing uses it. */
export const kafkaSettings = (clientId: string): KafkaSettings => ({
  brokers: KAFKA_BROKERS,
  clientId,
  sasl: {
    mechanism: 'scram-sha-256',
    username: 'platform-tests',
    password: env.PLATFORM_TESTS_KAFKA_PASSWORD ?? demo.PLATFORM_TESTS_KAFKA_PASSWORD ?? '',
  },
});

export const kafka = kafkaClient(kafkaSettings('messaging-test'));

export interface Received {
  partition: number;
  offset: bigint;
  message: KafkaMessage;
}

/** Every message on `topic` up to its end at call time, in partition and offset order. */
export async function readTopic(topic: string, timeoutMs = 30_000): Promise<Received[]> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
  const pending = new Set(ends.filter((p) => BigInt(p.high) > BigInt(p.low)).map((p) => p.partition));
  const received: Received[] = [];
  if (pending.size === 0) return received;
  const high = new Map(ends.map((p) => [p.partition, BigInt(p.high)]));
  const consumer = kafka.consumer({ groupId: `messaging-test-${randomUUID()}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${topic} not read within ${timeoutMs} ms`)),
        timeoutMs,
      );
      consumer
        .run({
          eachMessage: async ({ partition, message }) => {
            const offset = BigInt(message.offset);
            if (offset < high.get(partition)!) received.push({ partition, offset, message });
            if (offset + 1n >= high.get(partition)!) pending.delete(partition);
            if (pending.size === 0) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return received.sort((a, b) => a.partition - b.partition || Number(a.offset - b.offset));
}
