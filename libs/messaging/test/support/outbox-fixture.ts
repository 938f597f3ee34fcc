import { migrate } from '@platform/persistence';
import { PgDatabase } from '@platform/persistence';
import { databaseUrl, kafka } from './stack';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throw-away database with only the platform tables (a migrations folder of its own that is empty), and
 * Kafka topics of the test's own, so relays can be run against the real PostgreSQL and broker.
 */
export async function outboxDatabase(name: string): Promise<PgDatabase> {
  const url = databaseUrl(name);
  await migrate(url, mkdtempSync(join(tmpdir(), 'no-service-migrations-')));
  const db = new PgDatabase({ connectionString: url, max: 8 });
  await db.$executeRaw`DELETE FROM outbox`;
  return db;
}

export async function createTopic(prefix: string, partitions = 3): Promise<string> {
  const topic = `test.${prefix}.${randomUUID().slice(0, 8)}`;
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: partitions }] });
  } finally {
    await admin.disconnect();
  }
  return topic;
}

/** Inserts an outbox row as OutboxWriter does (one statement each, so seq follows the call order). */
export async function appendRow(
  db: PgDatabase,
  row: { topic: string; key: string; payload: unknown },
): Promise<string> {
  const id = randomUUID();
  await db.$executeRaw`
    INSERT INTO outbox (id, topic, message_key, event_type, headers, payload, created_at)
    VALUES (${id}::uuid, ${row.topic}, ${row.key}, 'test.outbox.v1', ${JSON.stringify({ ce_id: id })}::jsonb,
            ${JSON.stringify(row.payload)}::jsonb, now())`;
  return id;
}

export interface OutboxState {
  id: string;
  message_key: string;
  sent: boolean;
  attempts: number;
  last_error: string | null;
  parked: boolean;
}

export async function outboxState(db: PgDatabase): Promise<OutboxState[]> {
  return await db.$queryRaw<OutboxState[]>`
    SELECT id::text, message_key, sent_at IS NOT NULL AS sent, attempts, last_error,
           parked_at IS NOT NULL AS parked
    FROM outbox ORDER BY seq`;
}
