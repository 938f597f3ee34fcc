import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parseEnv } from 'node:util';

export const ROOT = join(__dirname, '..', '..', '..');

/** The project's own Node (24, from node_modules), as tools/platform runs the services; else this one. */
export function projectNode(): string {
  const local = join(ROOT, 'node_modules', '.bin', 'node');
  return existsSync(local) ? local : process.execPath;
}

/** A port nobody listens on right now (asked from the kernel). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface ServiceProcess {
  child: ChildProcess;
  baseUrl: string;
  /** Spawn → first 200 from /health/ready, in ms. */
  readyMs: number;
  /** VmRSS of the process in MB, read from /proc. */
  rssMb(): number;
  /** Ends the process; with a CPU profile, by SIGUSR2 so Node writes the profile before exiting. */
  stop(): Promise<void>;
}

export interface StartOptions {
  service: string;
  /** The build to run (default dist/). */
  distDir?: string;
  env: Record<string, string>;
  /** Directory for `--cpu-prof` output; no profile when absent. */
  cpuProfileDir?: string;
  readyTimeoutMs?: number;
  /** Where its output goes (default SERVICE_LOG): one file per service when several run. */
  log?: string;
}

/** The demo secrets the services run with locally (infra/env/demo.env). */
export function demoEnv(): Record<string, string> {
  return parseEnv(readFileSync(join(ROOT, 'infra', 'env', 'demo.env'), 'utf8')) as Record<string, string>;
}

/** Where the service's output goes: a file, as a log shipper would read it, not a pipe this busy process drains. */
export const SERVICE_LOG = join(ROOT, '.scratch', 'bench-service.log');

/**
 * Starts `node dist/apps/<service>/src/main.js` as its own process and waits for /health/ready. Its output
 * (one access-log line per request) goes to SERVICE_LOG; the tail is shown when the start fails.
 */
/**
 * The Node options services run with (tools/platform, the Dockerfile): a smaller young generation and one V8
 * worker thread take about 28 MB off an idle service (docs/performance.md, Memory). The same here, so the
 * benchmark measures what runs.
 */
export const SERVICE_NODE_OPTIONS = '--max-semi-space-size=4 --v8-pool-size=1';

export async function startServiceProcess(options: StartOptions): Promise<ServiceProcess> {
  const port = Number(options.env.PORT);
  const baseUrl = `http://127.0.0.1:${port}`;
  const args = [
    ...(options.cpuProfileDir
      ? [
          '--cpu-prof',
          `--cpu-prof-dir=${options.cpuProfileDir}`,
          // Nest re-raises SIGTERM after closing, which ends Node without writing the profile; exit() writes it.
          '--import=data:text/javascript,process.on("SIGUSR2",()=>process.exit(0))',
        ]
      : []),
    join(options.distDir ?? join(ROOT, 'dist'), 'apps', options.service, 'src', 'main.js'),
  ];
  const started = performance.now();
  mkdirSync(join(ROOT, '.scratch'), { recursive: true });
  const log = options.log ?? SERVICE_LOG;
  const logFd = openSync(log, 'w');
  const child = spawn(projectNode(), args, {
    cwd: ROOT,
    // The per-client rate limit off: a benchmark is one client on purpose (docs/audit.md, edge).
    env: {
      PATH: process.env.PATH ?? '',
      NODE_OPTIONS: SERVICE_NODE_OPTIONS,
      RATE_LIMIT_PER_SECOND: '0',
      ...options.env,
    },
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd); // the child holds its own copy
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(options.cpuProfileDir ? 'SIGUSR2' : 'SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };

  try {
    await waitReady(baseUrl, child, options.readyTimeoutMs ?? 60_000);
  } catch (error) {
    await stop();
    const tail = readFileSync(log, 'utf8').split('\n').slice(-40).join('\n');
    throw new Error(`${(error as Error).message}\n--- ${log} ---\n${tail}`);
  }
  const readyMs = performance.now() - started;
  return { child, baseUrl, readyMs, rssMb: () => rssMb(child.pid!), stop };
}

async function waitReady(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null)
      throw new Error(`the service exited with ${child.exitCode} before it was ready`);
    const status = await fetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(2_000) })
      .then((r) => r.status)
      .catch(() => 0);
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
