import { key32 } from '@platform/http';
import { SERVICE_CONFIG } from '@platform/kit';
import { z } from 'zod';

/**
 * The referrals service's own environment (the kit reads the rest: port, database, Kafka, Keycloak), validated
 * once at start. Secrets (the CPR keys, the pseudonym key) have no defaults: a service without them must not
 * start.
 */
export const referralsConfigSchema = z.object({
  /** Keyring for CPR encryption: `keyId:key,keyId:key` (key = 64 hex chars or base64 of 32 bytes). */
  CPR_ENCRYPTION_KEYS: z.string().transform(parseKeyring).pipe(z.map(z.string(), key32)),
  /** The key new rows are sealed with; older keys stay in the ring until rotation re-encrypts their rows. */
  CPR_ENCRYPTION_KEY_ID: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/),
  CPR_PSEUDONYM_KEY: key32,
  ADVICE_DEADLINE_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  DEVIATION_JUSTIFICATION_MIN_LENGTH: z.coerce.number().int().min(1).max(2000).default(20),
  ADVICE_OVERDUE_SCAN_MS: z.coerce.number().int().min(100).default(60_000),
});

export type ReferralsConfig = z.infer<typeof referralsConfigSchema>;

/** The current key must be in the ring: checked at start, with the variable named. */
export function checkReferralsConfig(config: ReferralsConfig): void {
  if (!config.CPR_ENCRYPTION_KEYS.has(config.CPR_ENCRYPTION_KEY_ID)) {
    throw new Error('Invalid configuration:\n  - CPR_ENCRYPTION_KEY_ID: names no key in CPR_ENCRYPTION_KEYS');
  }
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

/** Injection token for the validated configuration (the kit's SERVICE_CONFIG). */
export const REFERRALS_CONFIG = SERVICE_CONFIG;
