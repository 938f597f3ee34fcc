/**
 * The audit ledger's append rate (docs/audit.md): events per second from audit.events.v1 through the inbox into
 * the hash chain, and the rate at which verify recomputes it.
 *
 *   flock /tmp/integration.lock npx tsx tools/bench/audit-ledger.ts [--events 5000]
 *
 * Publishes the events to audit.events.v1 first (as referrals would: CloudEvents, source /services/referrals),
 * then starts the audit service from dist/ on a fresh `audit_bench` database with a consumer group of its own,
 * so it reads the whole topic (these events and whatever earlier runs and tests left there) as a backlog. The
 * rate is rows appended / seconds from ready to the last row; one consumer, one transaction per event (inbox row
 * + chain lock + ledger row), as in production. Then GET /api/v1/audit/verification as the auditor, timed.
 */
import { AuditRecorded, createCloudEvent, TOPICS, toKafkaMessage } from '@platform/contracts';
import { getToken, testKafka } from '@platform/testing';
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { prepareBenchDatabase, serviceInfo, withClient } from './support/bench-database';
import { buildIfNeeded } from './support/build';
import { demoEnv, freePort, startServiceProcess } from './support/service-process';

const flag = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const EVENTS = Number(flag('events', '5000'));

async function publish(count: number): Promise<void> {
  const producer = testKafka('bench-audit-ledger').producer({ idempotent: true });
  await producer.connect();
  try {
    for (let sent = 0; sent < count; sent += 500) {
      const messages = Array.from({ length: Math.min(500, count - sent) }, () => {
        const data = {
          actor: {
            subject: randomUUID(),
            clientId: 'platform-cli',
            orgType: 'municipality' as const,
            orgCode: '101',
            roles: ['caseworker'],
          },
          action: 'referral.read',
          resource: { type: 'referral', id: randomUUID() },
          citizenPseudonym: randomUUID().replace(/-/g, '').repeat(2),
          purpose: 'visitation',
          outcome: 'ALLOWED' as const,
          requestId: `bench-${randomUUID()}`,
          service: 'referrals',
          occurredAt: new Date().toISOString(),
        };
        AuditRecorded.schema.parse(data);
        const event = createCloudEvent({
          source: '/services/referrals',
          type: AuditRecorded.type,
          subject: data.resource.id,
          data,
        });
        return toKafkaMessage(event);
      });
      await producer.send({ topic: TOPICS.audit, acks: -1, messages });
    }
  } finally {
    await producer.disconnect();
  }
}

async function topicSize(): Promise<number> {
  const admin = testKafka('bench-audit-ledger-admin').admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(TOPICS.audit);
    return offsets.reduce((sum, o) => sum + Number(o.high) - Number(o.low), 0);
  } finally {
    await admin.disconnect();
  }
}

async function main(): Promise<void> {
  buildIfNeeded('audit');
  const url = await prepareBenchDatabase(serviceInfo('audit'));
  await publish(EVENTS);
  const backlog = await topicSize();
  const port = await freePort();
  const service = await startServiceProcess({
    service: 'audit',
    env: {
      ...demoEnv(),
      PORT: String(port),
      AUDIT_DATABASE_URL: url,
      KAFKA_CONSUMER_GROUP: `audit-bench-${randomUUID().slice(0, 8)}`,
    },
  });
  const started = performance.now();
  const count = () =>
    withClient(url, async (c) => Number((await c.query('SELECT count(*) FROM audit_ledger')).rows[0].count));
  let rows = 0;
  let lastChange = performance.now();
  let lastRowAt = started;
  while (rows < backlog && performance.now() - lastChange < 15_000) {
    await new Promise((r) => setTimeout(r, 250));
    const now = await count();
    if (now !== rows) {
      rows = now;
      lastChange = lastRowAt = performance.now();
    }
  }
  const appendSeconds = (lastRowAt - started) / 1000;
  const token = await getToken('auditor-state');
  const verifyStarted = performance.now();
  const verify = (await (
    await fetch(`${service.baseUrl}/api/v1/audit/verification`, {
      headers: { authorization: `Bearer ${token}` },
    })
  ).json()) as { valid: boolean; rowsChecked: number };
  const verifySeconds = (performance.now() - verifyStarted) / 1000;
  await service.stop();
  console.log(
    [
      `audit ledger bench (${cpus().length} CPUs, PostgreSQL + Kafka of tools/stack, one consumer):`,
      `  appended ${rows} of ${backlog} events on audit.events.v1 (${EVENTS} published by this run) in ${appendSeconds.toFixed(1)} s: ${(rows / appendSeconds).toFixed(0)} events/s`,
      `  verify: ${verify.rowsChecked} rows recomputed in ${verifySeconds.toFixed(2)} s (${(verify.rowsChecked / verifySeconds).toFixed(0)} rows/s), valid=${verify.valid}`,
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
