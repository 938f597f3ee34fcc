import { csv, key32, loadConfig, port } from '@platform/http';
import { z } from 'zod';

/** What every service reads from its environment (validated once at start); services add their own. */
export interface KitConfig {
  service: string;
  port: number;
  databaseUrl: string;
  databasePoolSize: number;
  kafkaBrokers: string[];
  consumerGroup: string;
  keycloakUrl: string;
  realm: string;
  audience: string;
  bodyLimit: string;
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
    KAFKA_CONSUMER_GROUP: z.string().min(1).default(service),
    KEYCLOAK_URL: z.url().default('http://127.0.0.1:8180'),
    KEYCLOAK_REALM: z.string().min(1).default('social'),
    KEYCLOAK_AUDIENCE: z.string().min(1).default('platform-api'),
    BODY_LIMIT: z
      .string()
      .regex(/^\d+(b|kb|mb)$/)
      .default('64kb'),
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
  return {
    service,
    port: raw.PORT as number,
    databaseUrl: raw[`${envPrefix(service)}_DATABASE_URL`] as string,
    databasePoolSize: raw.DATABASE_POOL_SIZE as number,
    kafkaBrokers: raw.KAFKA_BROKERS as string[],
    consumerGroup: raw.KAFKA_CONSUMER_GROUP as string,
    keycloakUrl: raw.KEYCLOAK_URL as string,
    realm: raw.KEYCLOAK_REALM as string,
    audience: raw.KEYCLOAK_AUDIENCE as string,
    bodyLimit: raw.BODY_LIMIT as string,
    requestHashKey: raw.REQUEST_HASH_KEY as Buffer,
    production: raw.NODE_ENV === 'production',
  };
}

/** Injection tokens: the kit's configuration and the service's own (its `config` schema, parsed). */
export const KIT_CONFIG = Symbol('KIT_CONFIG');
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
