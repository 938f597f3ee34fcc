import { deadLetterTopic, TOPIC_REGISTRY } from '@platform/contracts';
import { collectEvents, testKafka, type ReceivedEvent } from '@platform/testing';

/**
 * How many events of `topic` a service's consumer group has not committed yet (the events that wait for it).
 * Services run in tests with the group `<name>-test` (libs/testing testEnvironment).
 */
export async function consumerLag(service: string, topic: string): Promise<number> {
  const admin = testKafka('fault-lag').admin();
  await admin.connect();
  try {
    const [ends, [committed]] = await Promise.all([
      admin.fetchTopicOffsets(topic),
      admin.fetchOffsets({ groupId: `${service}-test`, topics: [topic] }),
    ]);
    const at = new Map(committed!.partitions.map((p) => [p.partition, BigInt(p.offset)]));
    return ends.reduce((lag, p) => {
      const done = at.get(p.partition) ?? -1n;
      return lag + Number(done < 0n ? 0n : BigInt(p.high) - done);
    }, 0);
  } finally {
    await admin.disconnect();
  }
}

/** The dead-letter topics of every topic of the registry. */
export const DEAD_LETTER_TOPICS = TOPIC_REGISTRY.map((t) => deadLetterTopic(t.name));

/**
 * Every message parked on a dead-letter topic since `since` that concerns one of `ids` (its key, CloudEvents
 * subject or body names one of them), per DLQ topic.
 */
export async function deadLettersAbout(
  ids: ReadonlySet<string>,
  since: Date,
): Promise<{ topic: string; total: number; ours: ReceivedEvent[] }[]> {
  const concerns = (m: ReceivedEvent) => {
    const text = `${m.key?.toString() ?? ''} ${m.headers.ce_subject ?? ''} ${m.value?.toString('utf8') ?? ''}`;
    return [...ids].some((id) => text.includes(id));
  };
  const found = [];
  for (const topic of DEAD_LETTER_TOPICS) {
    const parked = await collectEvents(topic, { from: since, timeoutMs: 30_000 });
    found.push({ topic, total: parked.length, ours: parked.filter(concerns) });
  }
  return found;
}

/** True when none of the (service, topic) consumers has an event left to read. */
export async function consumersIdle(pairs: readonly (readonly [string, string])[]): Promise<boolean> {
  const lags = await Promise.all(pairs.map(([service, topic]) => consumerLag(service, topic)));
  return lags.every((lag) => lag === 0);
}
