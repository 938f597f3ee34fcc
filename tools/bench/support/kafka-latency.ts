import { TOPICS } from '@platform/contracts';
import { testKafka } from '@platform/testing';
import type { Consumer, Kafka, Producer } from 'kafkajs';
import { createOne } from './api-load';

export interface LatencySample {
  p50: number;
  p99: number;
  n: number;
}

/** A topic of the benchmark's own, so raw messages never reach a consumer of the platform's topics. */
const RAW_TOPIC = 'bench.request-path.latency';
/** Pause between two measured events: latency one at a time, not throughput. */
const GAP_MS = 10;

export function latencyOf(samples: number[]): LatencySample {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  return { p50: at(0.5), p99: at(0.99), n: sorted.length };
}

/** Notes when each key arrives; `arrival(key)` answers at once for a key already seen (it may beat the HTTP reply). */
export async function listen(kafka: Kafka, topic: string) {
  const seen = new Map<string, number>();
  const waiting = new Map<string, (at: number) => void>();
  const consumer: Consumer = kafka.consumer({
    groupId: `bench-latency-${process.pid}-${topic}`,
    maxWaitTimeInMs: 50,
  });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: false });
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.run({
    eachMessage: async ({ message }) => {
      const at = performance.now();
      const key = message.key?.toString() ?? '';
      seen.set(key, at);
      waiting.get(key)?.(at);
    },
  });
  await joined;
  const arrival = (key: string, timeoutMs = 10_000) =>
    new Promise<number>((resolve, reject) => {
      const already = seen.get(key);
      if (already !== undefined) return resolve(already);
      const timer = setTimeout(
        () => reject(new Error(`no message ${key} on ${topic} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      waiting.set(key, (at) => {
        clearTimeout(timer);
        waiting.delete(key);
        resolve(at);
      });
    });
  return { consumer, arrival };
}

/**
 * Commit → event: an API create's 201 (its transaction has committed) until its `referral.created` arrives at a
 * consumer, through the outbox relay. Raw: kafkajs send (idempotent producer, acks=-1, as the relay) until the
 * same consumer setup receives it, on the same broker. The first of each is a warm-up and not counted (it also
 * proves the consumer reads from the current end).
 */
export async function kafkaLatency(
  api: { baseUrl: string; token: string },
  events: number,
): Promise<{ relay: LatencySample; raw: LatencySample }> {
  const kafka = testKafka('bench-latency');
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic: RAW_TOPIC, numPartitions: 1 }] });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const relayListener = await listen(kafka, TOPICS.referral);
  const rawListener = await listen(kafka, RAW_TOPIC);
  try {
    const relay: number[] = [];
    for (let i = 0; i <= events; i++) {
      const { id, receivedAt } = await createOne(api.baseUrl, api.token);
      const at = await relayListener.arrival(id);
      // Clamped at 0: the event can arrive before the client has read the reply that follows the commit.
      if (i > 0) relay.push(Math.max(0, at - receivedAt));
      await new Promise((r) => setTimeout(r, GAP_MS));
    }
    return { relay: latencyOf(relay), raw: await rawSamples(producer, rawListener.arrival, events) };
  } finally {
    await Promise.all([
      relayListener.consumer.disconnect(),
      rawListener.consumer.disconnect(),
      producer.disconnect(),
    ]);
    await admin.deleteTopics({ topics: [RAW_TOPIC] }).catch(() => undefined);
    await admin.disconnect();
  }
}

/** Send → consumed, one message at a time, the first a warm-up. */
async function rawSamples(
  producer: Producer,
  arrival: (key: string) => Promise<number>,
  events: number,
): Promise<LatencySample> {
  const raw: number[] = [];
  for (let i = 0; i <= events; i++) {
    const key = `raw-${i}`;
    const arrived = arrival(key);
    const sent = performance.now();
    await producer.send({ topic: RAW_TOPIC, acks: -1, messages: [{ key, value: JSON.stringify({ i }) }] });
    const at = await arrived;
    if (i > 0) raw.push(at - sent);
    await new Promise((r) => setTimeout(r, GAP_MS));
  }
  return latencyOf(raw);
}

/**
 * The broker's own latency, for a baseline next to a path through the services: kafkajs send (idempotent
 * producer, acks=-1, as the outbox relay sends) until a consumer set up as the services' receives it.
 */
export async function rawKafkaLatency(events: number): Promise<LatencySample> {
  const kafka = testKafka('bench-latency');
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic: RAW_TOPIC, numPartitions: 1 }] });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const listener = await listen(kafka, RAW_TOPIC);
  try {
    return await rawSamples(producer, listener.arrival, events);
  } finally {
    await Promise.all([listener.consumer.disconnect(), producer.disconnect()]);
    await admin.deleteTopics({ topics: [RAW_TOPIC] }).catch(() => undefined);
    await admin.disconnect();
  }
}
