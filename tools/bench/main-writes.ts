/**
 * The request path of every service's main write against the same rows written directly (issue 13, item 4; as
 * tools/bench/request-path.ts does for referrals, docs/performance.md):
 *
 *   flock /tmp/integration.lock npx tsx tools/bench/main-writes.ts [--duration 10] [--concurrency 1,16]
 *       [--services referrals,specialty-planning,knowledge,financing]
 *
 * One service at a time: migrates a fresh `<service>_bench` database, starts the service from dist/ as its own
 * process (its own consumer group, a free port) and waits until the group has read its topics; seeds what the
 * write needs; makes one real write through the API while a capture trigger on every table records what it
 * wrote (support/sample-write.ts), so the direct baseline is the same rows in one pgbench transaction with fresh
 * keys; then at each concurrency pgbench (direct) and autocannon (API, a fresh Idempotency-Key per request, the
 * identity of the service's tests). Audit has no REST write: its main write is the consumer's append of the trail
 * (tools/bench/audit-ledger.ts measures it).
 */
import { topicsConsumedBy } from '@platform/contracts';
import { buildDistIfNeeded, getToken } from '@platform/testing';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { LoadResult } from './support/api-load';
import { prepareBenchDatabase, serviceInfo, withClient } from './support/bench-database';
import { waitCaughtUp } from './support/consumer-lag';
import { pgbench, type PgbenchResult } from './support/direct-sql';
import { MAIN_WRITES, type MainWrite } from './support/main-write-specs';
import { captureWrites, scriptOfWrite, type SampleScript } from './support/sample-write';
import { demoEnv, freePort, ROOT, startServiceProcess, type ServiceProcess } from './support/service-process';
import { flag, machineLine, num, sleep } from './support/stats';
import { cpuMs, writeLoad, writeOne, type WriteRequest } from './support/write-load';

const SECONDS = Number(flag('duration', '10'));
const CONCURRENCY = flag('concurrency', '1,16').split(',').map(Number);
const ONLY = flag('services', MAIN_WRITES.map((w) => w.service).join(',')).split(',');

interface Step {
  concurrency: number;
  api: LoadResult & { cpuMsPerRequest: number };
  direct: PgbenchResult;
}

interface Measured {
  write: MainWrite;
  sample?: SampleScript;
  steps: Step[];
  error?: string;
}

let running: ServiceProcess | undefined;

async function start(service: string, databaseUrl: string): Promise<ServiceProcess> {
  const info = serviceInfo(service);
  running = await startServiceProcess({
    service,
    log: join(ROOT, '.scratch', `bench-${service}.log`),
    env: {
      ...demoEnv(),
      NODE_ENV: 'development',
      PORT: String(await freePort()),
      [info.databaseEnv]: databaseUrl,
      KAFKA_CONSUMER_GROUP: `${service}-bench`,
    },
  });
  const topics = topicsConsumedBy(service);
  if (topics.length > 0) await waitCaughtUp(`${service}-bench`, topics);
  return running;
}

/** One real write with the capture on: the rows it wrote, as a pgbench transaction. */
async function sampleOf(write: MainWrite, request: WriteRequest, databaseUrl: string): Promise<SampleScript> {
  return withClient(databaseUrl, async (db) => {
    const capture = await captureWrites(db);
    try {
      const id = await writeOne(request);
      return await scriptOfWrite(db, write.table, id);
    } finally {
      await capture.release();
    }
  });
}

async function measureWrite(write: MainWrite): Promise<Measured> {
  const databaseUrl = await prepareBenchDatabase(serviceInfo(write.service));
  const service = await start(write.service, databaseUrl);
  try {
    if (write.seed) await withClient(databaseUrl, write.seed);
    const request = (token: string): WriteRequest => ({
      baseUrl: service.baseUrl,
      token,
      path: write.path,
      body: write.body,
    });
    const sample = await sampleOf(
      write,
      request(await getToken(write.identity, { fresh: true })),
      databaseUrl,
    );
    // Warm-up of the write path (JIT, pools), not counted.
    await writeLoad(request(await getToken(write.identity, { fresh: true })), 4, 2);
    const steps: Step[] = [];
    for (const c of CONCURRENCY) {
      const direct = await pgbench(databaseUrl, sample.script, c, SECONDS);
      const token = await getToken(write.identity, { fresh: true }); // a step must not outlive its token
      const before = cpuMs(service.pid);
      const result = await writeLoad(request(token), c, SECONDS);
      const requests = result.rps * SECONDS;
      const api = {
        ...result,
        cpuMsPerRequest: requests > 0 ? (cpuMs(service.pid) - before) / requests : NaN,
      };
      steps.push({ concurrency: c, api, direct });
      console.error(
        `[bench] ${write.service} c=${c}: API ${api.rps.toFixed(0)} req/s, direct ${direct.tps.toFixed(0)} tx/s`,
      );
      await sleep(1_000); // let the relay drain the step's outbox before the next baseline
    }
    return { write, sample, steps };
  } finally {
    await service.stop();
  }
}

function render(results: Measured[], loadBefore: number[]): string {
  const lines = [
    machineLine(loadBefore),
    `${SECONDS} s per step; API: autocannon, fresh Idempotency-Key per request; direct: pgbench, the rows one API write wrote, one transaction, fresh keys`,
    '',
    '| service | concurrency | API req/s | API p50 / p99 | CPU ms/req (service) | direct tx/s | ratio | failures |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    if (r.error) lines.push(`| ${r.write.service} | | not measured: ${r.error.split('\n')[0]} | | | | | |`);
    for (const s of r.steps)
      lines.push(
        `| ${r.write.service} | ${s.concurrency} | ${num(s.api.rps)} | ${num(s.api.p50, 1)} / ${num(s.api.p99, 1)} ms | ${num(s.api.cpuMsPerRequest, 2)} | ${num(s.direct.tps)} | ${num(s.api.rps / s.direct.tps, 2)} | ${s.api.failures} |`,
      );
  }
  lines.push(
    '| audit | | no REST write: its main write is the consumer appending the trail (tools/bench/audit-ledger.ts) | | | | | |',
    '',
    'the writes, and the rows one of them wrote (the direct baseline):',
  );
  for (const r of results) {
    const rows = r.sample?.rows.map((x) => `${x.count} ${x.op === 'UPDATE' ? 'updated ' : ''}${x.table}`);
    lines.push(`- ${r.write.service}: ${r.write.what}${rows ? `: ${rows.join(', ')}` : ''}`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const loadBefore = loadavg();
  process.once('SIGINT', () => void running?.stop().finally(() => process.exit(130)));
  buildDistIfNeeded(ONLY[0]);
  const results: Measured[] = [];
  for (const write of MAIN_WRITES.filter((w) => ONLY.includes(w.service))) {
    try {
      results.push(await measureWrite(write));
    } catch (error) {
      console.error(`[bench] ${write.service}:`, error);
      results.push({ write, steps: [], error: (error as Error).message });
    }
  }
  console.log(render(results, loadBefore));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
