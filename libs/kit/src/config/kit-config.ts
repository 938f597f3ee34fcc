import { csv, key32, loadConfig, port } from '@platform/http';
import type { KafkaSettings } from '@platform/messaging';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { productionGuardrails } from './production-guardrails';

/** What every service reads from its environment (validated once at start); services add their own. */
export interface KitConfig {
  service: string;
  port: number;
  databaseUrl: string;
  databasePoolSize: number;
  kafkaBrokers: string[];
  /** Brokers, client id (the service's name), SASL/SCRAM credentials and TLS: what every kafkajs client uses. */
  kafka: KafkaSettings;
  /** The variable that holds the service's Kafka password: `<SERVICE>_KAFKA_PASSWORD`. */
  kafkaPasswordVariable: string;
  consumerGroup: string;
  keycloakUrl: string;
  realm: string;
  audience: string;
  bodyLimit: string;
  /** Requests a second per client, and at once (libs/http RateLimiter); 0 per second: off. */
  rateLimit: { perSecond: number; burst: number };
  /** Keys the request hash of Idempotency-Key rows (HMAC), so a stored hash reveals nothing of the body. */
  requestHashKey: Buffer;
  production: boolean;
}

/** `referrals` → `REFERRALS`, `specialty-planning` → `SPECIALTY_PLANNING`: the prefix of service-owned variables. */
export const envPrefix = (service: string) => service.toUpperCase().replace(/-/g, '_');

/** The database of a service on the local stack: `specialty-planning` → `specialty_planning`. */
export const databaseName = (service: string) => service.replace(/-/g, '_');

function kitSchema(service: string, defaultPort: number) {
  const prefix = envPrefix(service);
  return z.object({
    PORT: port.default(defaultPort),
    [`${prefix}_DATABASE_URL`]: z
      .url()
      .default(`postgresql://postgres@127.0.0.1:5432/${databaseName(service)}`),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    KAFKA_BROKERS: csv.default(['127.0.0.1:9092']),
    // The service's Kafka principal (User:<name>; the broker's ACLs are written for it) and its SCRAM password.
    KAFKA_USERNAME: z.string().min(1).default(service),
    [`${prefix}_KAFKA_PASSWORD`]: z.string().min(1).optional(),
    KAFKA_SASL_MECHANISM: z.enum(['scram-sha-256', 'scram-sha-512']).default('scram-sha-256'),
    // TLS to the broker (production): KAFKA_SSL=true, and KAFKA_SSL_CA_FILE for a CA of its own (PEM).
    KAFKA_SSL: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    KAFKA_SSL_CA_FILE: z.string().min(1).optional(),
    KAFKA_CONSUMER_GROUP: z.string().min(1).default(service),
    KEYCLOAK_URL: z.url().default('http://127.0.0.1:8180'),
    KEYCLOAK_REALM: z.string().min(1).default('social'),
    KEYCLOAK_AUDIENCE: z.string().min(1).default('platform-api'),
    BODY_LIMIT: z
      .string()
      .regex(/^\d+(b|kb|mb)$/)
      .default('64kb'),
    // Per client (token client + subject); the address gets ten times as much. Generous: a guard against one
    // runaway or hostile client, not a quota. Benchmarks switch it off (RATE_LIMIT_PER_SECOND=0).
    RATE_LIMIT_PER_SECOND: z.coerce.number().int().min(0).default(100),
    RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(1000),
    REQUEST_HASH_KEY: key32,
    NODE_ENV: z.string().default('development'),
  });
}

/** Reads the kit's part of the environment; a missing or bad variable is named, never its value. */
export function loadKitConfig(
  service: string,
  defaultPort: number,
  env: NodeJS.ProcessEnv = process.env,
): KitConfig {
  const raw = loadConfig(kitSchema(service, defaultPort), env) as Record<string, unknown>;
  const kafkaPasswordVariable = `${envPrefix(service)}_KAFKA_PASSWORD`;
  const password = raw[kafkaPasswordVariable] as string | undefined;
  const caFile = raw.KAFKA_SSL_CA_FILE as string | undefined;
  const ssl = (raw.KAFKA_SSL as boolean) && (caFile ? { ca: readFileSync(caFile, 'utf8') } : true);
  const config: KitConfig = {
    service,
    port: raw.PORT as number,
    databaseUrl: raw[`${envPrefix(service)}_DATABASE_URL`] as string,
    databasePoolSize: raw.DATABASE_POOL_SIZE as number,
    kafkaBrokers: raw.KAFKA_BROKERS as string[],
    kafka: {
      brokers: raw.KAFKA_BROKERS as string[],
      clientId: service,
      ...(password
        ? {
            sasl: {
              mechanism: raw.KAFKA_SASL_MECHANISM as 'scram-sha-256' | 'scram-sha-512',
              username: raw.KAFKA_USERNAME as string,
              password,
            },
          }
        : {}),
      ...(ssl ? { ssl } : {}),
    },
    kafkaPasswordVariable,
    consumerGroup: raw.KAFKA_CONSUMER_GROUP as string,
    keycloakUrl: raw.KEYCLOAK_URL as string,
    realm: raw.KEYCLOAK_REALM as string,
    audience: raw.KEYCLOAK_AUDIENCE as string,
    bodyLimit: raw.BODY_LIMIT as string,
    rateLimit: { perSecond: raw.RATE_LIMIT_PER_SECOND as number, burst: raw.RATE_LIMIT_BURST as number },
    requestHashKey: raw.REQUEST_HASH_KEY as Buffer,
    production: raw.NODE_ENV === 'production',
  };
  // Here, so every service's loadServiceConfig runs it; it reads the whole environment, so the service's own
  // secrets (CPR keys…) are checked too.
  productionGuardrails(env, config, `${envPrefix(service)}_DATABASE_URL`);
  return config;
}

/** Injection tokens: the kit's configuration and the service's own (its `config` schema, parsed). */
export const KIT_CONFIG = Symbol('KIT_CONFIG');
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
