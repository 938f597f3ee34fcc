/**
 * Cold start of every service (issue 13, item 4; docs/performance.md, Platform benchmarks):
 *
 *   flock /tmp/integration.lock npx tsx tools/bench/cold-start.ts [--starts 3] [--services referrals,…]
 *       [--profile] [--stack]
 *
 * For each service of tools/services.ts: builds dist/ if a source is newer, migrates a fresh `<service>_bench`
 * database, starts it once from dist (its own consumer group, a free port) and waits until that group has read
 * what earlier runs left on its topics (so no catching up is measured), stops it, then starts it `--starts` times
 * and takes the median of spawn → first 200 of /health/ready and of VmRSS after 3 s quiet. The baseline, in the
 * same run: `node -e` with a bare HTTP server, spawn → first response and its RSS, with the same Node options.
 * Goals (issue 8 and 13): ready < 2 s, idle RSS < 120 MB. `--profile` starts each service once more under
 * `--cpu-prof`, stops it at ready and prints the profile's top entries (tools/bench/profile-top.ts).
 * `--stack` also times `tools/stack down && tools/stack up` (not by default: others may be using the stack).
 */
import { topicsConsumedBy } from '@platform/contracts';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { SERVICES } from '../services';
import { bareNodeStart } from './support/bare-node';
import { prepareBenchDatabase, serviceInfo } from './support/bench-database';
import { buildDistIfNeeded } from '@platform/testing';
import { waitCaughtUp } from './support/consumer-lag';
import { demoEnv, freePort, ROOT, startServiceProcess, type ServiceProcess } from './support/service-process';
import { flag, goal, hasFlag, machineLine, median, num, sleep } from './support/stats';

const STARTS = Number(flag('starts', '3'));
const ONLY = flag('services', SERVICES.map((s) => s.name).join(',')).split(',');
/** Quiet time after ready before RSS is read, as tools/bench/request-path.ts. */
const IDLE_MS = 3_000;
const READY_GOAL_MS = 2_000;
const RSS_GOAL_MB = 120;

interface ServiceStart {
  service: string;
  readyMs: number[];
  rssMb: number[];
  profile?: string;
}

let running: ServiceProcess | undefined;

async function envOf(service: string, databaseUrl: string): Promise<Record<string, string>> {
  const info = serviceInfo(service);
  return {
    ...demoEnv(),
    NODE_ENV: 'development',
    PORT: String(await freePort()),
    [info.databaseEnv]: databaseUrl,
    KAFKA_CONSUMER_GROUP: `${service}-bench`,
  };
}

async function startOnce(service: string, databaseUrl: string, cpuProfileDir?: string) {
  running = await startServiceProcess({
    service,
    env: await envOf(service, databaseUrl),
    log: join(ROOT, '.scratch', `bench-${service}.log`),
    cpuProfileDir,
  });
  return running;
}

async function measureService(service: string): Promise<ServiceStart> {
  const databaseUrl = await prepareBenchDatabase(serviceInfo(service));
  // Warm-up, not counted: the new database's first connections, and the consumer group's catching up.
  const warm = await startOnce(service, databaseUrl);
  const topics = topicsConsumedBy(service);
  if (topics.length > 0) await waitCaughtUp(`${service}-bench`, topics);
  await warm.stop();
  const result: ServiceStart = { service, readyMs: [], rssMb: [] };
  for (let i = 0; i < STARTS; i++) {
    const started = await startOnce(service, databaseUrl);
    result.readyMs.push(started.readyMs);
    await sleep(IDLE_MS);
    result.rssMb.push(started.rssMb());
    await started.stop();
    console.error(
      `[bench] ${service} start ${i + 1}: ready ${started.readyMs.toFixed(0)} ms, RSS ${result.rssMb.at(-1)!.toFixed(1)} MB`,
    );
  }
  if (hasFlag('profile')) result.profile = await profileStart(service, databaseUrl);
  return result;
}

/** One more start under `--cpu-prof`, stopped at ready: the profile of start-up alone; returns its top entries. */
async function profileStart(service: string, databaseUrl: string): Promise<string> {
  const dir = join(ROOT, '.scratch', 'profiles', `cold-start-${service}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const started = await startOnce(service, databaseUrl, dir);
  await started.stop();
  const [file] = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (!file) return `(no profile written in ${dir})`;
  return execFileSync('npx', ['--no-install', 'tsx', 'tools/bench/profile-top.ts', file, '--top', '12'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

/** `tools/stack down && tools/stack up`, timed: only with --stack, as it stops everyone's PostgreSQL and Kafka. */
function stackRestartMs(): number {
  const started = performance.now();
  execFileSync('tools/stack', ['down'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync('tools/stack', ['up'], { cwd: ROOT, stdio: 'inherit' });
  return performance.now() - started;
}

function render(results: ServiceStart[], bare: { ms: number[]; mb: number[] }, loadBefore: number[]) {
  const bareMs = median(bare.ms);
  const bareMb = median(bare.mb);
  const lines = [
    machineLine(loadBefore),
    `median of ${STARTS} starts per service (from dist/, against its \`_bench\` database, the real stack); RSS after ${IDLE_MS / 1000} s quiet`,
    '',
    '| process | spawn → ready | × bare node | ready < 2 s | idle RSS | × bare node | RSS < 120 MB |',
    '|---|---:|---:|---|---:|---:|---|',
  ];
  for (const r of results) {
    const ms = median(r.readyMs);
    const mb = median(r.rssMb);
    lines.push(
      `| ${r.service} | ${num(ms)} ms | ${num(ms / bareMs, 1)} | ${goal(ms, READY_GOAL_MS, 'ms')} | ${num(mb, 1)} MB | ${num(mb / bareMb, 1)} | ${goal(mb, RSS_GOAL_MB, 'MB')} |`,
    );
  }
  lines.push(
    `| baseline: \`node -e\` bare HTTP server (spawn → first response) | ${num(bareMs)} ms | 1.0 | | ${num(bareMb, 1)} MB | 1.0 | |`,
    '',
    `each start (ready ms / RSS MB): ${results.map((r) => `${r.service} ${r.readyMs.map((x) => x.toFixed(0)).join(', ')} / ${r.rssMb.map((x) => x.toFixed(0)).join(', ')}`).join('; ')}`,
  );
  for (const r of results.filter((x) => x.profile))
    lines.push('', `start-up profile of ${r.service}:`, '```', r.profile!.trim(), '```');
  return lines.join('\n');
}

async function main(): Promise<void> {
  const loadBefore = loadavg();
  process.once('SIGINT', () => void running?.stop().finally(() => process.exit(130)));
  buildDistIfNeeded(ONLY[0]);
  const bare = { ms: [] as number[], mb: [] as number[] };
  for (let i = 0; i < STARTS; i++) {
    const b = await bareNodeStart(IDLE_MS);
    bare.ms.push(b.firstResponseMs);
    bare.mb.push(b.idleRssMb);
  }
  const results: ServiceStart[] = [];
  try {
    for (const service of ONLY) results.push(await measureService(service));
  } finally {
    await running?.stop();
  }
  console.log(render(results, bare, loadBefore));
  if (hasFlag('stack'))
    console.log(`\ntools/stack down && tools/stack up: ${num(stackRestartMs() / 1000, 1)} s`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
