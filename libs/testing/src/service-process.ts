import { migrate } from '@platform/persistence';
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import request from 'supertest';
import { buildDistIfNeeded, distMain } from './dist-build';
import type { IdentityName } from './identities';
import {
  authorized,
  migrationsDir,
  testDatabaseUrl,
  testEnvironment,
  type AuthorizedAgent,
} from './service-harness';
import { repoRoot } from './stack';
import { getToken } from './tokens';

/**
 * The Node options services run with (tools/platform, the Dockerfile): a smaller young generation and one V8
 * worker thread take about 28 MB off an idle service (docs/performance.md, Memory). Benchmarks use the same, so
 * they measure what runs.
 */
export const SERVICE_NODE_OPTIONS = '--max-semi-space-size=4 --v8-pool-size=1';

/** A service's compiled main.js running as its own process. */
export interface RunningService {
  child: ChildProcess;
  pid: number;
  baseUrl: string;
  /** Spawn → first 200 from /health/ready, in ms. */
  readyMs: number;
  /** VmRSS of the process in MB, read from /proc. */
  rssMb(): number;
  /** Sends a signal and waits for the exit: SIGKILL is the crash of a fault test. */
  kill(signal: NodeJS.Signals): Promise<void>;
  /** Ends the process as an orchestrator would (SIGTERM, SIGKILL after 15 s); with a CPU profile, by SIGUSR2. */
  stop(): Promise<void>;
}

export interface SpawnOptions {
  /** The compiled entry point, e.g. distMain(name). */
  main: string;
  /** The whole environment of the process (nothing is inherited); must hold PORT. */
  env: NodeJS.ProcessEnv;
  /** The file its output goes to: a file, as a log shipper would read it, not a pipe a busy process drains. */
  log: string;
  /** Append to the log (tests) or start it anew (benchmarks). */
  logMode?: 'a' | 'w';
  /** Directory for `--cpu-prof` output; no profile when absent. */
  cpuProfileDir?: string;
  readyTimeoutMs?: number;
}

/** The project's own Node (24, from node_modules), as tools/platform runs the services; else this one. */
export function projectNode(): string {
  const local = join(repoRoot(), 'node_modules', '.bin', 'node');
  return existsSync(local) ? local : process.execPath;
}

/** A port nobody listens on right now (asked from the kernel). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const profileArgs = (dir: string) => [
  '--cpu-prof',
  `--cpu-prof-dir=${dir}`,
  // Nest re-raises SIGTERM after closing, which ends Node without writing the profile; exit() writes it.
  '--import=data:text/javascript,process.on("SIGUSR2",()=>process.exit(0))',
];

/** Starts main.js as its own process and waits for /health/ready; the log's tail is in the error when it fails. */
export async function spawnService(options: SpawnOptions): Promise<RunningService> {
  const baseUrl = `http://127.0.0.1:${options.env.PORT}`;
  const args = [...(options.cpuProfileDir ? profileArgs(options.cpuProfileDir) : []), options.main];
  mkdirSync(join(options.log, '..'), { recursive: true });
  const started = performance.now();
  const out = openSync(options.log, options.logMode ?? 'a');
  const child = spawn(projectNode(), args, {
    cwd: repoRoot(),
    env: options.env,
    stdio: ['ignore', out, out],
  });
  closeSync(out); // the child holds its own copy
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await kill(options.cpuProfileDir ? 'SIGUSR2' : 'SIGTERM');
      clearTimeout(force);
    })());
  try {
    await waitUntilReady(baseUrl, child, options.readyTimeoutMs ?? 30_000);
  } catch (error) {
    await kill('SIGKILL');
    const tail = readFileSync(options.log, 'utf8').split('\n').slice(-30).join('\n');
    throw new Error(`${(error as Error).message}; the end of ${options.log}:\n${tail}`);
  }
  const readyMs = performance.now() - started;
  return { child, pid: child.pid!, baseUrl, readyMs, rssMb: () => rssMb(child.pid!), kill, stop };
}

async function waitUntilReady(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the service exited with ${child.exitCode} before it was ready`);
    const status = await fetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(2_000) }).then(
      (res) => res.status,
      () => 0,
    );
    if (status === 200) return;
    // Short: the poll interval bounds how precisely start-to-ready is measured.
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`the service was not ready within ${timeoutMs} ms`);
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
  if (!kb) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(kb) / 1024;
}

/** Another service of the platform, running as its own process, as in production: only its API and its events. */
export interface ServiceProcess extends RunningService {
  name: string;
  http(): ReturnType<typeof request>;
  as(identity: IdentityName): Promise<AuthorizedAgent>;
}

/**
 * Starts a service from dist/ (built first when sources changed) on a free port against its `_test` database
 * (migrated first) and the real stack, with the same environment as the in-process harness. For tests in which
 * one service needs another's real API and events: referrals get their offers from specialty planning this way.
 */
export async function startServiceProcess(
  name: string,
  env: Record<string, string> = {},
): Promise<ServiceProcess> {
  buildDistIfNeeded(name);
  await migrate(testDatabaseUrl(name), migrationsDir(name));
  const port = await freePort();
  const running = await spawnService({
    main: distMain(name),
    env: { PATH: process.env.PATH, ...testEnvironment({ name }, { PORT: String(port), ...env }) },
    log: join(repoRoot(), '.stack', 'logs', `${name}-test.log`),
  });
  const http = () => request(running.baseUrl);
  return { ...running, name, http, as: async (identity) => authorized(http, await getToken(identity)) };
}
