import {
  demoEnv,
  distMain,
  freePort,
  SERVICE_NODE_OPTIONS,
  spawnService,
  type RunningService,
} from '@platform/testing';
import { join } from 'node:path';

export { demoEnv, freePort, SERVICE_NODE_OPTIONS };
export type ServiceProcess = RunningService;

export const ROOT = join(__dirname, '..', '..', '..');

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

/** Where a benchmarked service's output goes (one access-log line per request). */
export const SERVICE_LOG = join(ROOT, '.scratch', 'bench-service.log');

/**
 * A service as the benchmarks run it (libs/testing spawnService): the services' Node options, the per-client
 * rate limit off (a benchmark is one client on purpose, docs/audit.md, edge), a fresh log per run.
 */
export function startServiceProcess(options: StartOptions): Promise<ServiceProcess> {
  const main = options.distDir
    ? join(options.distDir, 'apps', options.service, 'src', 'main.js')
    : distMain(options.service);
  return spawnService({
    main,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_OPTIONS: SERVICE_NODE_OPTIONS,
      RATE_LIMIT_PER_SECOND: '0',
      ...options.env,
    },
    log: options.log ?? SERVICE_LOG,
    logMode: 'w',
    cpuProfileDir: options.cpuProfileDir,
    readyTimeoutMs: options.readyTimeoutMs ?? 60_000,
  });
}
