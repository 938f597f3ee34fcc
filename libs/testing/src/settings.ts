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

export function stackSettings(env: NodeJS.ProcessEnv = process.env): StackSettings {
  const databaseHost = env.DATABASE_HOST ?? env.PGHOST ?? STACK_DEFAULTS.databaseHost;
  const databasePort = Number(env.DATABASE_PORT ?? env.PGPORT ?? STACK_DEFAULTS.databasePort);
  const databaseUser = env.DATABASE_USER ?? env.PGUSER ?? STACK_DEFAULTS.databaseUser;
  const databasePassword = env.DATABASE_PASSWORD ?? env.PGPASSWORD ?? '';
  const keycloakUrl = (env.KEYCLOAK_URL ?? STACK_DEFAULTS.keycloakUrl).replace(/\/+$/, '');
  const realm = env.KEYCLOAK_REALM ?? STACK_DEFAULTS.realm;
  const credentials =
    encodeURIComponent(databaseUser) + (databasePassword ? `:${encodeURIComponent(databasePassword)}` : '');
  return {
    databaseHost,
    databasePort,
    databaseUser,
    databasePassword,
    kafkaBrokers: (env.KAFKA_BROKERS ?? STACK_DEFAULTS.kafkaBrokers)
      .split(',')
      .map((b) => b.trim())
      .filter(Boolean),
    keycloakUrl,
    realm,
    issuer: env.KEYCLOAK_ISSUER ?? `${keycloakUrl}/realms/${realm}`,
    audience: env.KEYCLOAK_AUDIENCE ?? STACK_DEFAULTS.audience,
    databaseUrl: (database) => `postgresql://${credentials}@${databaseHost}:${databasePort}/${database}`,
  };
}
