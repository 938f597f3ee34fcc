import { testKafka } from '@platform/testing';

/** Messages on the topics that the consumer group has not committed yet (a partition it never read: all). */
async function lagOf(groupId: string, topics: string[]): Promise<number> {
  const admin = testKafka('bench-consumer-lag').admin();
  await admin.connect();
  try {
    const committed = await admin.fetchOffsets({ groupId, topics });
    let lag = 0;
    for (const { topic, partitions } of committed) {
      const ends = await admin.fetchTopicOffsets(topic);
      for (const end of ends) {
        const at = Number(partitions.find((p) => p.partition === end.partition)?.offset ?? -1);
        lag += Number(end.high) - (at < 0 ? Number(end.low) : at);
      }
    }
    return lag;
  } finally {
    await admin.disconnect();
  }
}

/**
 * Waits until a service's consumer group has read everything on its topics: a bench database is new, but the
 * topics carry every earlier run and test, and a service catching up would be measured along with the path.
 */
export async function waitCaughtUp(groupId: string, topics: string[], timeoutMs = 600_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let lag = await lagOf(groupId, topics);
  while (lag > 0) {
    if (Date.now() > until) throw new Error(`${groupId} still ${lag} messages behind after ${timeoutMs} ms`);
    console.error(`[bench] ${groupId}: ${lag} messages to catch up`);
    await new Promise((r) => setTimeout(r, 2_000));
    lag = await lagOf(groupId, topics);
  }
}
