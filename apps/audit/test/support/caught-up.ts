import { TOPICS } from '@platform/contracts';
import { testKafka } from '@platform/testing';

/** Audit events on the topic that the consumer group has not committed yet. */
async function lag(groupId: string): Promise<number> {
  const admin = testKafka('audit-test-lag').admin();
  await admin.connect();
  try {
    const [committed] = await admin.fetchOffsets({ groupId, topics: [TOPICS.audit] });
    const ends = await admin.fetchTopicOffsets(TOPICS.audit);
    return ends.reduce((sum, end) => {
      const at = Number(committed?.partitions.find((p) => p.partition === end.partition)?.offset ?? -1);
      return sum + Number(end.high) - (at < 0 ? Number(end.low) : at);
    }, 0);
  } finally {
    await admin.disconnect();
  }
}

/**
 * Waits until the audit service has appended what the topic held when the file began: in the README's test run
 * every other service's tests write audit events first, and the ledger takes them as a backlog (a
 * transaction per run of up to 1 000, docs/audit.md). The tests after it then wait only for their own events.
 */
export async function ledgerCaughtUp(groupId = 'audit-test', timeoutMs = 600_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (let behind = await lag(groupId); behind > 10; behind = await lag(groupId)) {
    if (Date.now() > until) throw new Error(`the audit ledger is still ${behind} events behind`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}
