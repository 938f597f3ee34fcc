import { z } from 'zod';

/**
 * A scheduled job's interval in a service's configuration schema: milliseconds (at least 100), `defaultMs` when
 * unset, or `off` → null, IntervalJob's "timer off", for a test that runs the job itself (its `run`) so a
 * background run never publishes in the middle of its checks. Read through the schema, so a test's environment
 * (libs/testing useService's `env`) reaches it and a bad value stops the start naming the variable.
 */
export function intervalMs(defaultMs: number) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): number | null => {
      if (raw === undefined) return defaultMs;
      if (raw === 'off') return null;
      const ms = Number(raw);
      if (raw.trim() !== '' && Number.isInteger(ms) && ms >= 100) return ms;
      ctx.addIssue({ code: 'custom', message: 'an integer ≥ 100 (ms) or off' });
      return z.NEVER;
    });
}
