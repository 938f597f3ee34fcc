import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import type { KafkaSasl, KafkaSettings } from '@platform/messaging';
import { repoRoot } from './stack';

/**
 * Where the local stack's servers are. One function so that tools/stack, the tests and the services agree;
 * every value can be overridden from the environment (docker-compose sets them for containers).
 */
export interface StackSettings {
  databaseHost: string;
  databasePort: number;
  databaseUser: string;
  /** Empty with the local stack (trust auth on loopback). */
  databasePassword: string;
  kafkaBrokers: string[];
  /**
   * The test harness's and the demo seed's Kafka principal, `platform-tests` (full rights on topics and groups
   * on the local stack only: it publishes other services' events until they exist). Password from
   * `PLATFORM_TESTS_KAFKA_PASSWORD`, else infra/env/demo.env.
   */
  kafkaSasl: KafkaSasl;
  /** TLS to the broker: `KAFKA_SSL=true` (off on the local stack). */
  kafkaSsl: boolean;
  /** Settings for a kafkajs client (`kafkaClient` of @platform/messaging) as the test principal. */
  kafka(clientId: string): KafkaSettings;
  /** Base URL of Keycloak, without `/realms/...`. */
  keycloakUrl: string;
  realm: string;
  /** `iss` of the realm's tokens. */
  issuer: string;
  /** The client id every access token carries in `aud`. */
  audience: string;
  /** `postgresql://` URL of one of the platform's databases. */
  databaseUrl(database: string): string;
}

export const STACK_DEFAULTS = {
  databaseHost: '127.0.0.1',
  databasePort: 5432,
  databaseUser: 'postgres',
  kafkaBrokers: '127.0.0.1:9092',
  keycloakUrl: 'http://127.0.0.1:8180',
  realm: 'social',
  audience: 'platform-api',
} as const;

/** The demo environment (infra/env/demo.env): the local stack's public demo secrets. */
export function demoEnv(): Record<string, string> {
  const file = join(repoRoot(), 'infra', 'env', 'demo.env');
  return existsSync(file) ? (parseEnv(readFileSync(file, 'utf8')) as Record<string, string>) : {};
}

/** A principal's SCRAM password: `<NAME>_KAFKA_PASSWORD` from the environment, else from demo.env. */
export function kafkaPassword(variable: string, env: NodeJS.ProcessEnv = process.env): string {
  const password = env[variable] ?? demoEnv()[variable];
  if (!password) throw new Error(`${variable} is not set (and not in infra/env/demo.env)`);
  return password;
}

export function stackSettings(env: NodeJS.ProcessEnv = process.env): StackSettings {
  const databaseHost = env.DATABASE_HOST ?? env.PGHOST ?? STACK_DEFAULTS.databaseHost;
  const databasePort = Number(env.DATABASE_PORT ?? env.PGPORT ?? STACK_DEFAULTS.databasePort);
  const databaseUser = env.DATABASE_USER ?? env.PGUSER ?? STACK_DEFAULTS.databaseUser;
  const databasePassword = env.DATABASE_PASSWORD ?? env.PGPASSWORD ?? '';
  const keycloakUrl = (env.KEYCLOAK_URL ?? STACK_DEFAULTS.keycloakUrl).replace(/\/+$/, '');
  const realm = env.KEYCLOAK_REALM ?? STACK_DEFAULTS.realm;
  const credentials =
    encodeURIComponent(databaseUser) + (databasePassword ? `:${encodeURIComponent(databasePassword)}` : '');
  const kafkaBrokers = (env.KAFKA_BROKERS ?? STACK_DEFAULTS.kafkaBrokers)
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  const kafkaSasl: KafkaSasl = {
    mechanism: env.KAFKA_SASL_MECHANISM === 'scram-sha-512' ? 'scram-sha-512' : 'scram-sha-256',
    username: 'platform-tests',
    get password() {
      return kafkaPassword('PLATFORM_TESTS_KAFKA_PASSWORD', env);
    },
  };
  const kafkaSsl = env.KAFKA_SSL === 'true';
  return {
    databaseHost,
    databasePort,
    databaseUser,
    databasePassword,
    kafkaBrokers,
    kafkaSasl,
    kafkaSsl,
    kafka: (clientId) => ({ brokers: kafkaBrokers, clientId, sasl: kafkaSasl, ssl: kafkaSsl }),
    keycloakUrl,
    realm,
    issuer: env.KEYCLOAK_ISSUER ?? `${keycloakUrl}/realms/${realm}`,
    audience: env.KEYCLOAK_AUDIENCE ?? STACK_DEFAULTS.audience,
    databaseUrl: (database) => `postgresql://${credentials}@${databaseHost}:${databasePort}/${database}`,
  };
}
