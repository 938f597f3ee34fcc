/**
 * The part of the audit ledger benchmark (tools/bench/audit-ledger.ts) that runs the audit service's own code
 * without the service; the benchmark spawns it because a tool may not import an app. Each mode prints one JSON
 * line with its figures.
 *
 *   npx tsx apps/audit/bench/ledger-direct.ts publish <events>           audit events onto audit.events.v1
 *   npx tsx apps/audit/bench/ledger-direct.ts direct <databaseUrl> <events>
 *       the consumer's inserts (inbox rows and chained ledger rows, runs of RUN_SIZE, one transaction each) done
 *       directly with pg: the baseline of the append rate, without Kafka and the service around it
 *   npx tsx apps/audit/bench/ledger-direct.ts fill <databaseUrl> <rows>   appends until the ledger holds <rows>
 */
import { AuditRecorded, createCloudEvent, TOPICS, toKafkaMessage } from '@platform/contracts';
import { PgDatabase } from '@platform/persistence';
import { testKafka } from '@platform/testing';
import { randomUUID } from 'node:crypto';
import { appendRun } from '../src/ledger/intake/batch-appender';
import { RUN_SIZE } from '../src/ledger/intake/ledger-intake';
import { LedgerRepository, type AuditAppend } from '../src/ledger/ledger.repository';

/** A municipal case worker's read of a referral, as referrals records it. */
function benchEvent(): AuditAppend {
  const data = AuditRecorded.schema.parse({
    actor: {
      subject: randomUUID(),
      clientId: 'platform-cli',
      orgType: 'municipality',
      orgCode: '101',
      roles: ['caseworker'],
    },
    action: 'referral.read',
    resource: { type: 'referral', id: randomUUID() },
    citizenPseudonym: randomUUID().replace(/-/g, '').repeat(2),
    purpose: 'visitation',
    outcome: 'ALLOWED',
    requestId: `bench-${randomUUID()}`,
    service: 'referrals',
    occurredAt: new Date().toISOString(),
  });
  return { eventId: randomUUID(), data };
}

const events = (n: number) => Array.from({ length: n }, benchEvent);

async function publish(count: number) {
  const producer = testKafka('bench-audit-ledger').producer({ idempotent: true });
  await producer.connect();
  try {
    for (let sent = 0; sent < count; sent += 500) {
      const messages = events(Math.min(500, count - sent)).map(({ eventId, data }) =>
        toKafkaMessage(
          createCloudEvent({
            id: eventId,
            source: '/services/referrals',
            type: AuditRecorded.type,
            subject: data.resource.id ?? eventId,
            data,
          }),
        ),
      );
      await producer.send({ topic: TOPICS.audit, acks: -1, messages });
    }
  } finally {
    await producer.disconnect();
  }
  return { published: count };
}

async function withLedger<R>(url: string, fn: (db: PgDatabase, ledger: LedgerRepository) => Promise<R>) {
  const db = new PgDatabase({ connectionString: url, max: 2, applicationName: 'audit-ledger-bench' });
  try {
    return await fn(db, new LedgerRepository(db));
  } finally {
    await db.$disconnect();
  }
}

/** The consumer's transactions, from the same kind of events, timed without generating them. */
function direct(url: string, count: number) {
  return withLedger(url, async (db, ledger) => {
    const runs = Array.from({ length: Math.ceil(count / RUN_SIZE) }, (_, i) =>
      events(Math.min(RUN_SIZE, count - i * RUN_SIZE)),
    );
    const inbox = { consumer: 'audit-bench-direct', topic: TOPICS.audit };
    const started = performance.now();
    let appended = 0;
    for (const run of runs) appended += await db.$transaction((tx) => appendRun(tx, ledger, inbox, run));
    return { appended, seconds: (performance.now() - started) / 1000 };
  });
}

/** Grows the ledger to `rows` rows, 5 000 a transaction (no inbox rows: these never came through Kafka). */
function fill(url: string, rows: number) {
  return withLedger(url, async (db, ledger) => {
    const count = async () =>
      Number((await db.$queryRaw<{ n: string }[]>`SELECT count(*) AS n FROM audit_ledger`)[0]!.n);
    const before = await count();
    const started = performance.now();
    for (let have = before; have < rows; have += 5000) {
      const batch = events(Math.min(5000, rows - have));
      await db.$transaction((tx) => ledger.appendAll(tx, batch));
    }
    return { before, rows: await count(), seconds: (performance.now() - started) / 1000 };
  });
}

async function main(): Promise<unknown> {
  const [mode, a, b] = process.argv.slice(2);
  if (mode === 'publish') return publish(Number(a));
  if (mode === 'direct') return direct(a!, Number(b));
  if (mode === 'fill') return fill(a!, Number(b));
  throw new Error('usage: ledger-direct.ts publish <events> | direct <url> <events> | fill <url> <rows>');
}

main().then(
  (result) => console.log(JSON.stringify(result)),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
