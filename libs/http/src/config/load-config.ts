import { z } from 'zod';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads a service's configuration from the environment once, at start. A missing or bad value stops the
 * service with a message naming the variable (never its value: it may be a secret).
 */
export function loadConfig<S extends z.ZodObject>(
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.')}: ${describe(i)}`));
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required but not set';
  return issue.message;
}

/** A 32-byte key given as 64 hex characters or base64. */
export const key32 = z
  .string()
  .transform((s) => (/^[0-9a-fA-F]{64}$/.test(s) ? Buffer.from(s, 'hex') : Buffer.from(s, 'base64')))
  .refine((b) => b.length === 32, 'must be 32 bytes, as 64 hex characters or base64');

export const port = z.coerce.number().int().min(1).max(65535);
export const csv = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .refine((a) => a.length > 0, 'must list at least one value');
