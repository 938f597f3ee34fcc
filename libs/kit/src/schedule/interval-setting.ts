import { z } from 'zod';

const ms = z.coerce.number().int().min(100);

/**
 * How often a scheduled job runs, from its environment variable in ms (`defaultMs` when unset); `off` turns the
 * timer off (IntervalJob's `everyMs: null`), for a test that decides itself when the job runs (it calls the job's
 * `run`), so a background run never publishes in the middle of another test's checks.
 */
export function intervalSetting(
  variable: string,
  defaultMs: number,
  env: NodeJS.ProcessEnv = process.env,
): number | null {
  const raw = env[variable];
  if (raw === undefined) return defaultMs;
  if (raw === 'off') return null;
  const parsed = ms.safeParse(raw);
  if (!parsed.success)
    throw new Error(`Invalid configuration:\n  - ${variable}: an integer ≥ 100 (ms) or off`);
  return parsed.data;
}
