import { kafkaClient, type KafkaSettings } from '@platform/messaging';
import type { Admin, Batch } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import type { ReadMessage } from './src/trace-line';

export interface ReadOptions {
  kafka: KafkaSettings;
  topics: readonly string[];
  /** From the first message at or after this instant (else from the beginning of each topic). */
  since?: Date;
  /** Gives up when the topics are not read to their end within this time. */
  timeoutMs: number;
}

/** `topic|partition` → offset. */
type Positions = Map<string, bigint>;
const at = (topic: string, partition: number) => `${topic}|${partition}`;

/**
 * Where to start in each partition of the topics that exist, and where each ended when the trace began:
 * nothing produced later is read, so the trace ends even while the platform keeps writing.
 */
async function ranges(admin: Admin, options: ReadOptions) {
  const existing = new Set(await admin.listTopics());
  const topics = options.topics.filter((t) => existing.has(t));
  const start: Positions = new Map();
  const end: Positions = new Map();
  for (const topic of topics) {
    const offsets = await admin.fetchTopicOffsets(topic);
    const since = options.since
      ? await admin.fetchTopicOffsetsByTimestamp(topic, options.since.getTime())
      : undefined;
    for (const p of offsets) {
      const high = BigInt(p.high);
      const fromTime = since?.find((s) => s.partition === p.partition)?.offset;
      // An offset of -1 by timestamp: nothing at or after that instant.
      const from = fromTime === undefined ? BigInt(p.low) : BigInt(fromTime) < 0n ? high : BigInt(fromTime);
      end.set(at(topic, p.partition), high);
      start.set(at(topic, p.partition), from < BigInt(p.low) ? BigInt(p.low) : from);
    }
  }
  return { topics, start, end };
}

/**
 * Reads every given topic from `since` (or its beginning) to where it ended at the start, handing each message
 * to `each`. A consumer group of its own per run (`trace.<uuid>`), never committed: a trace leaves no position
 * behind and disturbs no service's group.
 */
export async function readTopics(options: ReadOptions, each: (read: ReadMessage) => void): Promise<number> {
  const kafka = kafkaClient(options.kafka);
  const admin = kafka.admin();
  await admin.connect();
  let plan: Awaited<ReturnType<typeof ranges>>;
  try {
    plan = await ranges(admin, options);
  } finally {
    await admin.disconnect();
  }
  const { topics, start, end } = plan;
  const pending = new Set([...end].filter(([key, high]) => start.get(key)! < high).map(([key]) => key));
  if (pending.size === 0) return 0;
  const consumer = kafka.consumer({ groupId: `trace.${randomUUID()}`, allowAutoTopicCreation: false });
  let count = 0;
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [...topics], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the topics were not read to their end within ${options.timeoutMs} ms`)),
        options.timeoutMs,
      );
      const eachBatch = async ({ batch }: { batch: Batch }) => {
        const key = at(batch.topic, batch.partition);
        const from = start.get(key) ?? 0n;
        const high = end.get(key) ?? 0n;
        for (const message of batch.messages) {
          const offset = BigInt(message.offset);
          if (offset < from || offset >= high) continue;
          count += 1;
          each({ topic: batch.topic, partition: batch.partition, message });
        }
        if (BigInt(batch.lastOffset()) + 1n >= high) pending.delete(key);
        if (pending.size === 0) {
          clearTimeout(timer);
          resolve();
        }
      };
      consumer.run({ autoCommit: false, eachBatch }).catch(reject);
      for (const [key, offset] of start) {
        const [topic, partition] = key.split('|');
        consumer.seek({ topic, partition: Number(partition), offset: offset.toString() });
      }
    });
  } finally {
    await consumer.disconnect();
  }
  return count;
}
