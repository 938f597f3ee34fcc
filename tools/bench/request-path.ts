/**
 * The request path against the database's speed, in one run (docs/performance.md):
 *
 *   flock /tmp/integration.lock npx tsx tools/bench/request-path.ts [--duration 10] [--concurrency 1,16,64]
 *       [--events 200] [--precreate 500] [--profile load|startup] [--service referrals] [--dist <dir>]
 *       [--pg-socket /var/run/postgresql]
 *
 * Builds dist/ if a source is newer, migrates a `<service>_bench` database, starts the service from dist as its
 * own process (its own consumer group and a free port), and measures: start to ready and idle RSS; the same
 * rows one create writes, in one transaction, with pgbench (the direct baseline) and through the API with
 * autocannon, for create and read by id, at each concurrency; commit → event latency of the outbox relay
 * against raw kafkajs. Prints a markdown table. The service is stopped at the end, also on failure.
 * `--profile load` runs the service under `node --cpu-prof` (summarise with tools/bench/profile-top.ts);
 * `--profile startup` writes a profile of start-up only and stops there. `--dist` runs another build (a copy
 * of dist/ kept from before a change) as it is, without building. `--pg-socket` connects the service and
 * pgbench through PostgreSQL's Unix-domain socket in that directory instead of TCP on loopback.
 */
import { buildDistIfNeeded, getToken } from '@platform/testing';
import { mkdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import {
  createLoad,
  createOne,
  createReferrals,
  readLoad,
  readOne,
  type LoadResult,
} from './support/api-load';
import { overSocket, prepareBenchDatabase, serviceInfo, withClient } from './support/bench-database';
import { createScriptFromSample, pgbench, readScript } from './support/direct-sql';
import { kafkaLatency } from './support/kafka-latency';
import { render, type Report, type Step } from './support/report';
import { demoEnv, freePort, ROOT, startServiceProcess, type ServiceProcess } from './support/service-process';

const flag = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const SERVICE = flag('service', 'referrals');
const SECONDS = Number(flag('duration', '10'));
const CONCURRENCY = flag('concurrency', '1,16,64').split(',').map(Number);
const EVENTS = Number(flag('events', '200'));
const PRECREATE = Number(flag('precreate', '500'));
const PROFILE = flag('profile', 'none') as 'none' | 'load' | 'startup';
const DIST = flag('dist', '');
const PG_SOCKET = flag('pg-socket', '');
/** Quiet time after ready before RSS is read: lazy work of the first seconds (consumer join, relay) settles. */
const IDLE_MS = 3_000;
/** The caller of the measured requests: a municipal case system (client credentials). */
const IDENTITY = 'muni-101-system';

/** User + system CPU time of a process so far, in ms (from /proc/<pid>/stat, in clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function withCpu(pid: number, run: () => Promise<LoadResult>): Promise<Step['api']> {
  const before = cpuMs(pid);
  const result = await run();
  const requests = result.rps * SECONDS;
  return { ...result, cpuMsPerRequest: requests > 0 ? (cpuMs(pid) - before) / requests : NaN };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const loadBefore = loadavg();
  if (!DIST) buildDistIfNeeded(SERVICE);
  const info = serviceInfo(SERVICE);
  const tcpUrl = await prepareBenchDatabase(info);
  const databaseUrl = PG_SOCKET ? overSocket(tcpUrl, PG_SOCKET) : tcpUrl;
  const profileDir = PROFILE === 'none' ? undefined : join(ROOT, '.scratch', 'profiles');
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const env = {
    ...demoEnv(),
    NODE_ENV: 'development',
    PORT: String(await freePort()),
    [info.databaseEnv]: databaseUrl,
    KAFKA_CONSUMER_GROUP: `${SERVICE}-bench`,
  };
  let service: ServiceProcess | undefined;
  const stopOnSignal = () => void service?.stop().finally(() => process.exit(130));
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  try {
    service = await startServiceProcess({
      service: SERVICE,
      env,
      cpuProfileDir: profileDir,
      ...(DIST ? { distDir: DIST } : {}),
    });
    const readyMs = service.readyMs;
    if (PROFILE === 'startup') {
      await service.stop();
      console.log(`start to ready ${readyMs.toFixed(0)} ms; start-up profile in ${profileDir}`);
      return;
    }
    await sleep(IDLE_MS);
    const idleRssMb = service.rssMb();
    const pid = service.child.pid!;
    const api = { baseUrl: service.baseUrl, token: await getToken(IDENTITY, { fresh: true }) };

    // What one create writes, read back from the database: the direct baseline inserts exactly those rows.
    const sample = await createOne(api.baseUrl, api.token);
    const created = await withClient(databaseUrl, (db) => createScriptFromSample(db, sample.id));
    // …and what one read writes (its audit row), copied after the create's rows were.
    await readOne(api.baseUrl, api.token, sample.id);
    const ids = await createReferrals(api.baseUrl, api.token, PRECREATE);
    const readSql = await withClient(databaseUrl, (db) => readScript(db, ids, sample.id));
    const createSql = created.script;
    const createRows = created.rows.map((r) => `${r.count} ${r.table}`).join(', ');

    const create: Step[] = [];
    const read: Step[] = [];
    for (const c of CONCURRENCY) {
      const direct = await pgbench(databaseUrl, createSql, c, SECONDS);
      create.push({ concurrency: c, direct, api: undefined as never });
      read.push({
        concurrency: c,
        direct: await pgbench(databaseUrl, readSql, c, SECONDS),
        api: undefined as never,
      });
      console.error(
        `[bench] direct c=${c}: create ${direct.tps.toFixed(0)} tx/s, read ${read.at(-1)!.direct.tps.toFixed(0)} tx/s`,
      );
    }
    await readLoad(api.baseUrl, api.token, ids, 16, 2); // warm-up of the read path (the create path is warm)
    for (const step of create) {
      const token = await getToken(IDENTITY, { fresh: true }); // a step must not outlive its token
      step.api = await withCpu(pid, () => createLoad(api.baseUrl, token, step.concurrency, SECONDS));
      console.error(`[bench] API create c=${step.concurrency}: ${step.api.rps.toFixed(0)} req/s`);
    }
    for (const step of read) {
      const token = await getToken(IDENTITY, { fresh: true });
      step.api = await withCpu(pid, () => readLoad(api.baseUrl, token, ids, step.concurrency, SECONDS));
      console.error(`[bench] API read c=${step.concurrency}: ${step.api.rps.toFixed(0)} req/s`);
    }
    const kafka =
      EVENTS > 0
        ? await kafkaLatency({ ...api, token: await getToken(IDENTITY, { fresh: true }) }, EVENTS)
        : undefined;
    await service.stop();
    const report: Report = {
      cores: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      loadBefore,
      loadAfter: loadavg(),
      seconds: SECONDS,
      database: PG_SOCKET ? `the Unix socket in ${PG_SOCKET}` : 'TCP (loopback)',
      readyMs,
      idleRssMb,
      create,
      read,
      createRows,
      kafka,
    };
    console.log(render(report));
    if (profileDir) console.log(`\nCPU profile in ${profileDir} (npx tsx tools/bench/profile-top.ts <file>)`);
  } finally {
    await service?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
