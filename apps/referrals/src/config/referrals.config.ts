import { ConfigError, key32 } from '@platform/http';
import { isoDuration, SERVICE_CONFIG } from '@platform/kit';
import { z } from 'zod';

const SECOND_MS = 1000;
const DAY_MS = 24 * 60 * 60 * SECOND_MS;

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
  /** Rule 3: how long after submission mandatory advice is due. */
  ADVICE_DEADLINE_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  /**
   * For test platforms only: the advice deadline as an ISO-8601 duration (`PT90S`), in place of
   * ADVICE_DEADLINE_DAYS, so a run can see a deadline pass (scenario 3). Refused with NODE_ENV=production.
   */
  ADVICE_DEADLINE: isoDuration({ minMs: SECOND_MS, maxMs: 365 * DAY_MS }).optional(),
  DEVIATION_JUSTIFICATION_MIN_LENGTH: z.coerce.number().int().min(1).max(2000).default(20),
  ADVICE_OVERDUE_SCAN_MS: z.coerce.number().int().min(100).default(60_000),
  // Read here too (the kit reads it for its guardrails) for the check below.
  NODE_ENV: z.string().default('development'),
});

export type ReferralsConfig = z.infer<typeof referralsConfigSchema>;

/**
 * The current key must be in the ring, and a production service keeps the legal deadline in days (a test
 * platform's deadline of seconds would flag every waiting referral overdue): checked at start, variable named.
 */
export function checkReferralsConfig(config: ReferralsConfig): void {
  const problems: string[] = [];
  if (!config.CPR_ENCRYPTION_KEYS.has(config.CPR_ENCRYPTION_KEY_ID)) {
    problems.push('CPR_ENCRYPTION_KEY_ID: names no key in CPR_ENCRYPTION_KEYS');
  }
  if (config.ADVICE_DEADLINE !== undefined && config.NODE_ENV === 'production') {
    problems.push('ADVICE_DEADLINE: is for test platforms; production sets ADVICE_DEADLINE_DAYS');
  }
  if (problems.length > 0) throw new ConfigError(problems);
}

/** How long after submission mandatory advice is due: ADVICE_DEADLINE when set, else ADVICE_DEADLINE_DAYS. */
export function adviceDeadlineMs(
  config: Pick<ReferralsConfig, 'ADVICE_DEADLINE' | 'ADVICE_DEADLINE_DAYS'>,
): number {
  return config.ADVICE_DEADLINE ?? config.ADVICE_DEADLINE_DAYS * DAY_MS;
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
