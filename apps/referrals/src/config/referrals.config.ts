import { csv, key32, loadConfig, port } from '@platform/http';
import { z } from 'zod';

/**
 * Everything the referrals service reads from its environment, validated once at start. Secrets (the CPR
 * keys, the pseudonym key) have no defaults: a service without them must not start.
 */
const schema = z.object({
  PORT: port.default(3001),
  REFERRALS_DATABASE_URL: z.url().default('postgresql://postgres@127.0.0.1:5432/referrals'),
  KAFKA_BROKERS: csv.default(['127.0.0.1:9092']),
  KAFKA_CONSUMER_GROUP: z.string().min(1).default('referrals'),
  KEYCLOAK_URL: z.url().default('http://127.0.0.1:8180'),
  KEYCLOAK_REALM: z.string().min(1).default('social'),
  KEYCLOAK_AUDIENCE: z.string().min(1).default('platform-api'),
  /** Keyring for CPR encryption: `keyId:key,keyId:key` (key = 64 hex chars or base64 of 32 bytes). */
  CPR_ENCRYPTION_KEYS: z.string().transform(parseKeyring).pipe(z.map(z.string(), key32)),
  /** The key new rows are sealed with; older keys stay in the ring until rotation re-encrypts their rows. */
  CPR_ENCRYPTION_KEY_ID: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/),
  CPR_PSEUDONYM_KEY: key32,
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/)
    .default('64kb'),
  ADVICE_DEADLINE_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  DEVIATION_JUSTIFICATION_MIN_LENGTH: z.coerce.number().int().min(1).max(2000).default(20),
  ADVICE_OVERDUE_SCAN_MS: z.coerce.number().int().min(100).default(60_000),
});

export type ReferralsConfig = z.infer<typeof schema>;

export function loadReferralsConfig(env: NodeJS.ProcessEnv = process.env): ReferralsConfig {
  const config = loadConfig(schema, env);
  if (!config.CPR_ENCRYPTION_KEYS.has(config.CPR_ENCRYPTION_KEY_ID)) {
    throw new Error('Invalid configuration:\n  - CPR_ENCRYPTION_KEY_ID: names no key in CPR_ENCRYPTION_KEYS');
  }
  return config;
}

function parseKeyring(value: string): Map<string, string> {
  return new Map(
    value
      .split(',')
      .filter(Boolean)
      .map((entry) => {
        const at = entry.indexOf(':');
        return [entry.slice(0, at).trim(), entry.slice(at + 1).trim()] as [string, string];
      }),
  );
}

/** Injection token for the validated configuration. */
export const REFERRALS_CONFIG = Symbol('REFERRALS_CONFIG');
