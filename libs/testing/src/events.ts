import { randomUUID } from 'node:crypto';
import type { IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import { testKafka } from './kafka';

/** A consumed Kafka message as kafkajs gives it, plus where it came from, with headers decoded to strings. */
export interface ReceivedEvent extends Omit<KafkaMessage, 'headers'> {
  topic: string;
  partition: number;
  headers: Record<string, string>;
}

/** Where to start reading: the beginning of the topic, or the first message at or after an instant. */
export type ReadFrom = 'beginning' | Date | number;

export interface WaitOptions {
  timeoutMs?: number;
  from?: ReadFrom;
}

let client: Kafka | undefined;
function kafka(): Kafka {
  client ??= testKafka('platform-testing');
  return client;
}

function decodeHeaders(headers: IHeaders | undefined): Record<string, string> {
  const decoded: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    decoded[name] = (Array.isArray(value) ? value : [value]).map((v) => v.toString()).join(',');
  }
  return decoded;
}

/** The JSON body of an event (CloudEvents binary mode: the Kafka value is the `data`). */
export function eventData<T = unknown>(event: ReceivedEvent): T {
  if (!event.value)
    throw new Error(`event at ${event.topic}/${event.partition}/${event.offset} has no value`);
  return JSON.parse(event.value.toString('utf8')) as T;
}

function startTimestamp(from: ReadFrom): number {
  return from === 'beginning' ? 0 : typeof from === 'number' ? from : from.getTime();
}

/** Offsets to start from, per partition (start) and the end of each partition at call time (end). */
async function partitionRanges(
  topic: string,
  from: ReadFrom,
): Promise<Map<number, { start: bigint; end: bigint }>> {
  const admin = kafka().admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    const starts =
      from === 'beginning'
        ? ends.map((p) => ({ partition: p.partition, offset: p.low }))
        : await admin.fetchTopicOffsetsByTimestamp(topic, startTimestamp(from));
    const startOf = new Map(starts.map((p) => [p.partition, BigInt(p.offset)]));
    return new Map(
      ends.map((p) => {
        const end = BigInt(p.high);
        const start = startOf.get(p.partition) ?? BigInt(p.low);
        return [p.partition, { start: start < 0n ? end : start, end }];
      }),
    );
  } finally {
    await admin.disconnect();
  }
}

/**
 * Reads `topic` with a throw-away consumer group (from the beginning, or from the offsets in `seekTo`);
 * `onEvent` returns true to stop. Resolves when `onEvent` stopped it; rejects after `timeoutMs`.
 */
async function consume(
  topic: string,
  timeoutMs: number,
  onEvent: (event: ReceivedEvent) => boolean | Promise<boolean>,
  seekTo?: Map<number, bigint>,
): Promise<void> {
  const consumer = kafka().consumer({
    groupId: `platform-testing-${randomUUID()}`,
    allowAutoTopicCreation: false,
  });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      let done = false;
      const finish = (error?: unknown) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        if (error) reject(error instanceof Error ? error : new Error(String(error)));
        else resolve();
      };
      const timer = setTimeout(() => finish(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ topic: t, partition, message }) => {
            if (done) return;
            const event: ReceivedEvent = {
              ...message,
              topic: t,
              partition,
              headers: decodeHeaders(message.headers),
            };
            if (await onEvent(event)) finish();
          },
        })
        .catch(finish);
      for (const [partition, offset] of seekTo ?? [])
        consumer.seek({ topic, partition, offset: offset.toString() });
    });
  } finally {
    await consumer.disconnect();
  }
}

/**
 * The first event on `topic` (from the beginning, or from an instant) that satisfies `predicate`.
 * Rejects when none arrived within `timeoutMs` (default 15 s).
 */
export async function waitForEvent(
  topic: string,
  predicate: (event: ReceivedEvent) => boolean | Promise<boolean>,
  { timeoutMs = 15_000, from = 'beginning' }: WaitOptions = {},
): Promise<ReceivedEvent> {
  const seekTo =
    from === 'beginning'
      ? undefined
      : new Map([...(await partitionRanges(topic, from))].map(([p, r]) => [p, r.start]));
  const notBefore = startTimestamp(from);
  let found: ReceivedEvent | undefined;
  await consume(
    topic,
    timeoutMs,
    async (event) => {
      if (Number(event.timestamp) < notBefore || !(await predicate(event))) return false;
      found = event;
      return true;
    },
    seekTo,
  ).catch((error: Error) => {
    throw new Error(`no matching event on ${topic}: ${error.message}`);
  });
  return found!;
}

/**
 * Every event on `topic` from `from` up to the end of the topic as it was when called, in (timestamp,
 * partition, offset) order.
 */
export async function collectEvents(
  topic: string,
  { timeoutMs = 15_000, from = 'beginning' }: WaitOptions = {},
): Promise<ReceivedEvent[]> {
  const ranges = await partitionRanges(topic, from);
  const notBefore = startTimestamp(from);
  const pending = new Set([...ranges].filter(([, r]) => r.start < r.end).map(([p]) => p));
  const events: ReceivedEvent[] = [];
  if (pending.size > 0) {
    const seekTo = new Map([...ranges].map(([p, r]) => [p, r.start]));
    await consume(
      topic,
      timeoutMs,
      (event) => {
        const range = ranges.get(event.partition)!;
        const offset = BigInt(event.offset);
        if (offset < range.end && Number(event.timestamp) >= notBefore) events.push(event);
        if (offset + 1n >= range.end) pending.delete(event.partition);
        return pending.size === 0;
      },
      seekTo,
    );
  }
  return events.sort(
    (a, b) =>
      Number(a.timestamp) - Number(b.timestamp) ||
      a.partition - b.partition ||
      Number(BigInt(a.offset) - BigInt(b.offset)),
  );
}
