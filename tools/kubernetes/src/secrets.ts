import type { ISecret } from 'kubernetes-models/v1/Secret';
import type { ServiceInfo } from '../../services';
import { labels, metadata } from './pod';
import {
  CA_KEY,
  caFile,
  databaseName,
  envPrefix,
  KAFKA_CA,
  migrationSecret,
  NAMESPACE,
  PART_OF,
  PLACEHOLDER,
  POSTGRES_CA,
  runtimeSecret,
  secretVariables,
} from './settings';

const HEX_KEY = '64 hex characters, 32 random bytes (openssl rand -hex 32)';

/** What an operator puts in a variable; the example Secrets hold these texts, never a usable value. */
function hint(service: ServiceInfo, variable: string): string {
  if (variable === service.databaseEnv) return databaseUrl(service, 'app');
  if (variable === `${envPrefix(service.name)}_KAFKA_PASSWORD`)
    return `${PLACEHOLDER}: the SCRAM password of the Kafka user ${service.name}`;
  const hints: Record<string, string> = {
    REQUEST_HASH_KEY: `${PLACEHOLDER}: ${HEX_KEY}`,
    CPR_ENCRYPTION_KEYS: `${PLACEHOLDER}: keyId:key[,keyId:key…], each key ${HEX_KEY}`,
    CPR_ENCRYPTION_KEY_ID: `${PLACEHOLDER}: the keyId in CPR_ENCRYPTION_KEYS that seals new rows`,
    CPR_PSEUDONYM_KEY: `${PLACEHOLDER}: ${HEX_KEY}; never changes (pseudonyms must stay stable)`,
    AUDIT_CHECKPOINT_SIGNING_KEY: `${PLACEHOLDER}: the Ed25519 seed, ${HEX_KEY}`,
  };
  return hints[variable] ?? `${PLACEHOLDER}: see apps/${service.name}/src/config`;
}

/**
 * A PostgreSQL URL with TLS checked against the CA of the Secret postgres-ca; `app` is the service's login
 * role (DML only), `owner` the role that owns the schema and runs the migrations.
 */
function databaseUrl(service: ServiceInfo, role: 'app' | 'owner'): string {
  const database = databaseName(service.name);
  const tls = `sslmode=verify-full&sslrootcert=${caFile(POSTGRES_CA)}`;
  return `postgresql://${database}_${role}:${PLACEHOLDER}@postgres.example.internal:5432/${database}?${tls}`;
}

/** The example Secrets of one service: what it reads at run time, and the migration Job's owner URL. */
export function serviceSecrets(service: ServiceInfo): ISecret[] {
  return [
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: metadata(runtimeSecret(service.name), labels(service, 'api')),
      type: 'Opaque',
      stringData: Object.fromEntries(secretVariables(service).map((v) => [v, hint(service, v)])),
    },
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: metadata(migrationSecret(service.name), labels(service, 'migration')),
      type: 'Opaque',
      stringData: { [service.databaseEnv]: databaseUrl(service, 'owner') },
    },
  ];
}

/** The CAs the pods mount: Kafka's (required) and PostgreSQL's (optional). */
export function authoritySecrets(): ISecret[] {
  const pem = `-----BEGIN CERTIFICATE-----\n${PLACEHOLDER}: the CA certificate (PEM)\n-----END CERTIFICATE-----\n`;
  return [KAFKA_CA, POSTGRES_CA].map((name) => ({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace: NAMESPACE, labels: { 'app.kubernetes.io/part-of': PART_OF } },
    type: 'Opaque',
    stringData: { [CA_KEY]: pem },
  }));
}
