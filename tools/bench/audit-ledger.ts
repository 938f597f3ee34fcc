/**
 * The audit ledger's append rate and verify time (docs/audit.md, docs/performance.md; issue 13, benchmarks):
 *
 *   flock /tmp/integration.lock npx tsx tools/bench/audit-ledger.ts [--events 20000] [--rows 1000000] [--profile]
 *
 * 1. Append rate through the real consumer path: publishes --events audit events to audit.events.v1 (as referrals
 *    would: CloudEvents, source /services/referrals), then starts the audit service from dist/ on a fresh
 *    `audit_bench` database, connected as its own role audit_app, with a consumer group of its own, so it reads
 *    the whole topic (these events and whatever earlier runs and tests left there) as a backlog. Rate = rows
 *    appended between the first and the last count after the service was ready / the seconds between them.
 * 2. Baseline, same run: the consumer's inserts for as many events (inbox rows and chained ledger rows, in runs
 *    of the same size, one transaction each) done directly with pg by apps/audit/bench/ledger-direct.ts.
 * 3. Verify at scale: the ledger is grown to --rows rows directly (same code), then GET /api/v1/audit/verification
 *    as the state's auditor, timed. Goal < 10 s for 1 000 000 rows. `--profile` runs the service under
 *    `node --cpu-prof` (summarise with tools/bench/profile-top.ts).
 */
import { TOPICS } from '@platform/contracts';
import { buildDistIfNeeded, getToken, testKafka } from '@platform/testing';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { prepareBenchDatabase, serviceInfo, withClient } from './support/bench-database';
import { demoEnv, freePort, ROOT, startServiceProcess } from './support/service-process';

const flag = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const EVENTS = Number(flag('events', '20000'));
const ROWS = Number(flag('rows', '1000000'));
const PROFILE = process.argv.includes('--profile');
const VERIFY_GOAL_SECONDS = 10;

/** apps/audit/bench/ledger-direct.ts: the service's own code without the service; its JSON line back. */
function ledgerDirect(...args: string[]): Record<string, number> {
  const out = execFileSync('npx', ['--no-install', 'tsx', 'apps/audit/bench/ledger-direct.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, number>;
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

/** The same database as the service's own login role (tools/migrate and this bench stay the owner). */
function asAppRole(url: string): string {
  const app = new URL(url);
  app.username = 'audit_app';
  app.password = '';
  return app.toString();
}

/** Counts rows until the backlog is in (or nothing moved for 15 s): first and last count after ready. */
async function watchAppend(url: string, backlog: number) {
  const count = () =>
    withClient(url, async (c) => Number((await c.query('SELECT count(*) FROM audit_ledger')).rows[0].count));
  const first = { at: performance.now(), rows: await count() };
  let last = { ...first };
  while (last.rows < backlog && performance.now() - last.at < 15_000) {
    await new Promise((r) => setTimeout(r, 100));
    const rows = await count();
    if (rows !== last.rows) last = { at: performance.now(), rows };
  }
  return { beforeReady: first.rows, rows: last.rows, seconds: (last.at - first.at) / 1000 };
}

async function main(): Promise<void> {
  buildDistIfNeeded('audit');
  const url = await prepareBenchDatabase(serviceInfo('audit'));
  ledgerDirect('publish', String(EVENTS));
  const backlog = await topicSize();
  const profileDir = PROFILE ? join(ROOT, '.scratch', 'profiles') : undefined;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const port = await freePort();
  const service = await startServiceProcess({
    service: 'audit',
    env: {
      ...demoEnv(),
      PORT: String(port),
      AUDIT_DATABASE_URL: asAppRole(url),
      KAFKA_CONSUMER_GROUP: `audit-bench-${randomUUID().slice(0, 8)}`,
    },
    cpuProfileDir: profileDir,
  });
  try {
    const consumed = await watchAppend(url, backlog);
    const consumerRate = (consumed.rows - consumed.beforeReady) / consumed.seconds;
    const direct = ledgerDirect('direct', url, String(EVENTS));
    const directRate = direct.appended! / direct.seconds!;
    const fill = ledgerDirect('fill', url, String(ROWS));
    const token = await getToken('auditor-state');
    const started = performance.now();
    const res = await fetch(`${service.baseUrl}/api/v1/audit/verification`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const verify = (await res.json()) as { valid: boolean; rowsChecked: number };
    const verifySeconds = (performance.now() - started) / 1000;
    const miss = verifySeconds - VERIFY_GOAL_SECONDS;
    const cpu = cpus();
    console.log(
      [
        `audit ledger bench (${cpu.length} cores, ${cpu[0]?.model ?? 'unknown CPU'}; PostgreSQL + Kafka of tools/stack; one consumer):`,
        `  consumer (audit.events.v1 → inbox → chain, as audit_app): ${consumed.rows} of ${backlog} events in the ledger ` +
          `(${EVENTS} published by this run; ${consumed.beforeReady} before ready, not timed); ` +
          `${consumed.rows - consumed.beforeReady} in ${consumed.seconds.toFixed(2)} s: ${consumerRate.toFixed(0)} events/s`,
        `  baseline (the same inserts directly with pg, runs of the consumer's size): ${direct.appended} in ` +
          `${direct.seconds!.toFixed(2)} s: ${directRate.toFixed(0)} events/s; consumer/baseline ${(consumerRate / directRate).toFixed(2)}`,
        `  filled to ${fill.rows} rows directly in ${fill.seconds!.toFixed(1)} s (${((fill.rows! - fill.before!) / fill.seconds!).toFixed(0)} rows/s)`,
        `  verify: ${verify.rowsChecked} rows recomputed in ${verifySeconds.toFixed(2)} s ` +
          `(${(verify.rowsChecked / verifySeconds).toFixed(0)} rows/s), valid=${verify.valid}; goal < ${VERIFY_GOAL_SECONDS} s ` +
          `for 1 000 000: ${miss <= 0 ? 'met' : `missed by ${miss.toFixed(2)} s (${((100 * miss) / VERIFY_GOAL_SECONDS).toFixed(0)} %)`}`,
      ].join('\n'),
    );
  } finally {
    await service.stop();
  }
  if (profileDir) console.log(`CPU profile in ${profileDir} (npx tsx tools/bench/profile-top.ts <file>)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
