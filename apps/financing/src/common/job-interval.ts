import { z } from 'zod';

const HOUR_MS = 3_600_000;

/**
 * How often a financing job looks for work: the named variable in ms (default hourly: the jobs are about months).
 * Under Jest the timer stays off unless the variable is set, so a test decides when the job runs (it calls the
 * job's `run`) and a background run never publishes in the middle of another test's checks.
 */
export function jobInterval(variable: string, env: NodeJS.ProcessEnv = process.env): number | null {
  const raw = env[variable];
  if (raw === undefined) return env.JEST_WORKER_ID === undefined ? HOUR_MS : null;
  const parsed = z.coerce.number().int().min(100).safeParse(raw);
  if (!parsed.success) throw new Error(`Invalid configuration:\n  - ${variable}: an integer ≥ 100 (ms)`);
  return parsed.data;
}
