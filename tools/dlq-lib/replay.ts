import { deadLetterTopic } from '@platform/contracts';
import { DLQ_HEADER_PREFIX, kafkaClient, type KafkaSettings } from '@platform/messaging';
import type { Admin, IHeaders, KafkaMessage } from 'kafkajs';

export interface ReplayOptions {
  topic: string;
  /** The broker and the operator's credentials (it reads `<topic>.dlq` and writes `<topic>`). */
  kafka: KafkaSettings;
  dryRun: boolean;
  /** From the first message at or after this instant (else: where the last replay stopped). */
  since?: Date;
  /** From this offset in every partition. */
  offset?: string;
}

/** One consumer group per topic: its committed offsets are where the next replay of that topic starts. */
export const replayGroup = (topic: string) => `dlq-replay.${topic}`;

type Positions = Map<number, bigint>;

/** Where to start in each partition, and where the topic ended when the replay began (nothing later is read). */
async function ranges(admin: Admin, dlq: string, options: ReplayOptions) {
  const ends = await admin.fetchTopicOffsets(dlq);
  const low = new Map(ends.map((p) => [p.partition, BigInt(p.low)]));
  const high: Positions = new Map(ends.map((p) => [p.partition, BigInt(p.high)]));
  let from: { partition: number; offset: string }[];
  if (options.offset !== undefined)
    from = ends.map((p) => ({ partition: p.partition, offset: options.offset! }));
  else if (options.since) from = await admin.fetchTopicOffsetsByTimestamp(dlq, options.since.getTime());
  else {
    const [committed] = await admin.fetchOffsets({ groupId: replayGroup(options.topic), topics: [dlq] });
    from = committed?.partitions ?? [];
  }
  const start: Positions = new Map();
  for (const [partition, end] of high) {
    const given = from.find((p) => p.partition === partition)?.offset ?? '-1';
    const offset = BigInt(given) < 0n ? (options.since ? end : low.get(partition)!) : BigInt(given);
    start.set(partition, offset < low.get(partition)! ? low.get(partition)! : offset > end ? end : offset);
  }
  return { start, high };
}

function positions(topic: string, next: Positions) {
  return [...next].map(([partition, offset]) => ({ topic, partition, offset: offset.toString() }));
}

/** The message as first produced: key, value and its own headers, without the dead-letter headers. */
function original(message: KafkaMessage) {
  const headers: IHeaders = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (!name.startsWith(DLQ_HEADER_PREFIX) && value !== undefined) headers[name] = value;
  }
  return { key: message.key, value: message.value, headers };
}

function describe(partition: number, message: KafkaMessage): string {
  const header = (name: string) => message.headers?.[name]?.toString() ?? '-';
  return `${partition}/${message.offset} ${header('ce_type')} id=${header('ce_id')} key=${message.key?.toString() ?? '-'} error=${header('dlq_error').slice(0, 160)}`;
}

/**
 * Republishes the messages of `<topic>.dlq` between the start positions and the end at call time to `topic`,
 * in order per partition, then records the end as the group's offsets (a dry run records nothing). Returns
 * how many messages were (or, dry, would be) replayed.
 */
export async function replay(options: ReplayOptions, print: (line: string) => void): Promise<number> {
  const dlq = deadLetterTopic(options.topic);
  const kafka = kafkaClient(options.kafka);
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { start, high } = await ranges(admin, dlq, options);
    const next = new Map(start);
    const pending = () => [...high].filter(([p, end]) => next.get(p)! < end).map(([p]) => p);
    let count = 0;
    if (pending().length > 0) {
      const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
      const consumer = kafka.consumer({ groupId: replayGroup(options.topic), allowAutoTopicCreation: false });
      await Promise.all([producer.connect(), consumer.connect()]);
      try {
        await consumer.subscribe({ topics: [dlq] });
        await new Promise<void>((resolve, reject) => {
          consumer
            .run({
              autoCommit: false,
              eachMessage: async ({ partition, message }) => {
                const offset = BigInt(message.offset);
                if (offset < next.get(partition)! || offset >= high.get(partition)!) return;
                if (!options.dryRun) {
                  await producer.send({ topic: options.topic, acks: -1, messages: [original(message)] });
                }
                print(`${options.dryRun ? 'would replay' : 'replayed'} ${describe(partition, message)}`);
                count += 1;
                next.set(partition, offset + 1n);
                if (pending().length === 0) resolve();
              },
            })
            .catch(reject);
          for (const [partition, offset] of start)
            consumer.seek({ topic: dlq, partition, offset: offset.toString() });
        });
        if (!options.dryRun) await consumer.commitOffsets(positions(dlq, next));
      } finally {
        await Promise.all([consumer.disconnect(), producer.disconnect()]);
      }
    } else if (!options.dryRun) {
      // Nothing to read (e.g. --since after the last message): still remember the position for the next run.
      await admin.setOffsets({
        groupId: replayGroup(options.topic),
        topic: dlq,
        partitions: positions(dlq, next),
      });
    }
    return count;
  } finally {
    await admin.disconnect();
  }
}
