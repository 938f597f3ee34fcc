import { ConfigError } from '@platform/http';
import { createHash } from 'node:crypto';
import type { KitConfig } from './kit-config';

/**
 * SHA-256 fingerprints of every public demo secret: the values of infra/env/demo.env (whole, and each id and key
 * of a keyring) and the client secrets of the demo realm (infra/keycloak/realm-social.json). Fingerprints, not the
 * values, so a production image need not ship the demo file and the code holds no usable secret.
 * production-guardrails.spec.ts fails when demo.env or the realm gains a value missing here.
 */
export const DEMO_SECRET_FINGERPRINTS: ReadonlySet<string> = new Set([
  // CPR_ENCRYPTION_KEYS (whole), its key id demo-2026 (= CPR_ENCRYPTION_KEY_ID) and its key
  'f82ae57d1ac9aa7ed362c7f16949956b8b76df676070a06fcd97b34e952c0817',
  'd9b9c13e86210a51e9120355c0c673fa9a855612c0a6ea2b797dad7bc2b3e48f',
  '9490e4bbbffe0936856d682396d65f79269de1bc3fef767487e7ff962e299184',
  // CPR_PSEUDONYM_KEY, REQUEST_HASH_KEY
  'ff1b834913b50df2b260146708cb4c72ea5ffa3c6073e78fc9f657d3d3d6d897',
  'b4173739cc2abaa8c937f2004f1b12e5da0a064b8e2e7f189eb7de026edbeda4',
  // demo-secret-<client> of muni-101, muni-751, region-1084, region-1082, state, short-lived
  'c1b162c97cc61c5adb3bfc118d6db876ec0c2e27c8187a8737f4d4d5b14a8011',
  'bbd2af52342e897bcb8df1a4cbcd43d0d0ee6e591ed65a43c33044ecfdcdcba5',
  '9f6bf1b71b64827e4f89339d2350ab8926452b4fd795a1d9b594c40444e7bcfe',
  '7597b5d633db2170f989cceb8992af0110d6fd9c577f4f32a30d3b3cad4f0a00',
  'dd991ee30818a134a3507b972895cd512d5f76003999eb2222946e5be8d30c3b',
  'f7a3ff312868267c11c0f3be37724e244b56a817f0a7f6193aaf44cadf78f4b0',
  // Kafka SCRAM passwords: KAFKA_ADMIN_PASSWORD, REFERRALS_, SPECIALTY_PLANNING_, KNOWLEDGE_, FINANCING_, AUDIT_,
  // PLATFORM_TESTS_KAFKA_PASSWORD
  '92808819e50655cdc6b74c9b7ae409c1f4013de5504392207f4aa12ec64e9c68',
  'a8d5fa80fc89f610a5f042185ddc7a691bdf4984a57c6301dbb0319b41258fb7',
  '01883253fd0b937703db3366d45d855c3f123356921676f68514147c36acf76e',
  'cdf71dad2ad5da0a1a7f0e39e40a76a698f0bb727d936e8f01b6c568da608c7f',
  'a15dd3c65af1c0a4ee8ebda703522935c234ec34ccbe073d966135ebfc77eaff',
  'b1aa6cba15d39d9a122d89f4676de67641b7fbb89f91d28cab73c9753628d4aa',
  'e194182b943960ce50e64c6bcaca3e9d568321d278fe8746d27401e01f2a9734',
  // new-service: the demo Kafka passwords of generated services go above this line
  // AUDIT_CHECKPOINT_SIGNING_KEY (the audit ledger's Ed25519 checkpoint key)
  '03a46efced819362023978719afb630add9e60674ccec084912341962e484b02',
  // AUDIT_DATABASE_URL: no secret (the demo's audit_app on 127.0.0.1, no password), but a demo value all the same
  '6d4fe7db57b677885b5e0fc695125f5bd401ac72f1915642bd1cecfcbba9cc5b',
]);

/** Roles that bypass every permission (and every row-level rule) in PostgreSQL: never the application's. */
const SUPERUSERS = new Set(['postgres']);

export const fingerprint = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * A value and its pieces (a keyring is `id:key,id:key`), each as written and, for a 32-byte key, as lower-case
 * hex: a demo key given in base64 or upper case is still the demo key.
 */
function candidates(value: string): string[] {
  const parts = [value, ...value.split(/[,:\s]+/)].map((p) => p.trim()).filter(Boolean);
  return parts.flatMap((part) => {
    if (/^[0-9a-fA-F]{64}$/.test(part)) return [part, part.toLowerCase()];
    const bytes = /^[A-Za-z0-9+/]{43}=?$/.test(part) ? Buffer.from(part, 'base64') : undefined;
    return bytes?.length === 32 ? [part, bytes.toString('hex')] : [part];
  });
}

/** True when the value, or any piece of it, is a public demo secret. */
export function isDemoSecret(value: string): boolean {
  return candidates(value).some((c) => DEMO_SECRET_FINGERPRINTS.has(fingerprint(c)));
}

type GuardedConfig = Pick<KitConfig, 'databaseUrl' | 'keycloakUrl'> &
  Partial<Pick<KitConfig, 'kafka' | 'kafkaPasswordVariable'>>;

/**
 * What must not reach production: a public demo secret in any variable (the kit's and the service's own, e.g. the
 * CPR keys), a database URL that connects as a superuser (who may bypass the outbox's audit protection and every
 * grant), a Keycloak issuer over plain HTTP (tokens and keys readable and forgeable on the way), and a Kafka broker
 * reached without TLS or without the service's own credentials (events readable and forgeable on the way, the
 * broker's ACLs void). Each problem names the variable, never its value. Returns the problems; empty means none.
 */
export function guardrailProblems(
  env: NodeJS.ProcessEnv,
  kit: GuardedConfig,
  databaseVariable: string,
): string[] {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(env).sort(([a], [b]) => a.localeCompare(b))) {
    if (value && isDemoSecret(value)) {
      problems.push(
        `${name}: is a public demo value (infra/env/demo.env or the demo realm); set a real secret`,
      );
    }
  }
  const user = decodeURIComponent(new URL(kit.databaseUrl).username || '');
  if (!user || SUPERUSERS.has(user)) {
    problems.push(
      `${databaseVariable}: must name the application's own database role, not the superuser (or none)`,
    );
  }
  if (new URL(kit.keycloakUrl).protocol !== 'https:') {
    problems.push('KEYCLOAK_URL: the token issuer must be reached over https');
  }
  if (kit.kafka) {
    if (!kit.kafka.ssl)
      problems.push('KAFKA_SSL: the Kafka broker must be reached over TLS (KAFKA_SSL=true)');
    if (!kit.kafka.sasl)
      problems.push(
        `${kit.kafkaPasswordVariable ?? 'KAFKA_PASSWORD'}: the service must sign in to Kafka with its own credentials`,
      );
  }
  return problems;
}

/** Refuses to start in production on any of guardrailProblems (a ConfigError naming each variable). */
export function productionGuardrails(
  env: NodeJS.ProcessEnv,
  kit: GuardedConfig & Pick<KitConfig, 'production'>,
  databaseVariable: string,
): void {
  if (!kit.production) return;
  const problems = guardrailProblems(env, kit, databaseVariable);
  if (problems.length > 0) throw new ConfigError(problems.map((p) => `production guardrail: ${p}`));
}
