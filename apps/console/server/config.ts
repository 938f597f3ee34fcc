import { join, resolve } from 'node:path';

/** The services the console reaches through `/api/<service>/…`, with their default local ports (tools/services.ts). */
export const UPSTREAMS = {
  referrals: 3001,
  'specialty-planning': 3002,
  knowledge: 3003,
  financing: 3004,
  audit: 3005,
} as const;
export type UpstreamName = keyof typeof UPSTREAMS;

export interface ConsoleConfig {
  port: number;
  host: string;
  /** The built single-page app (vite build output). */
  publicDir: string;
  /** Keycloak as the browser reaches it (the issuer of the services' tokens). */
  keycloakUrl: string;
  realm: string;
  clientId: string;
  upstreams: Record<UpstreamName, string>;
}

/** `REFERRALS_API_URL`, `SPECIALTY_PLANNING_API_URL`, …: where each service answers (default 127.0.0.1:300x). */
export const upstreamEnv = (name: UpstreamName) => `${name.toUpperCase().replace(/-/g, '_')}_API_URL`;

export function consoleConfig(env: NodeJS.ProcessEnv = process.env): ConsoleConfig {
  const upstreams = Object.fromEntries(
    Object.entries(UPSTREAMS).map(([name, port]) => [
      name,
      env[upstreamEnv(name as UpstreamName)] ?? `http://127.0.0.1:${port}`,
    ]),
  ) as Record<UpstreamName, string>;
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    publicDir: resolve(env.CONSOLE_PUBLIC_DIR ?? join(__dirname, '..', 'public')),
    keycloakUrl: (env.KEYCLOAK_URL ?? 'http://127.0.0.1:8180').replace(/\/$/, ''),
    realm: env.KEYCLOAK_REALM ?? 'social',
    clientId: env.CONSOLE_CLIENT_ID ?? 'console',
    upstreams,
  };
}

/** What the browser needs to sign in: served as /config.json, so one bundle runs against any Keycloak. */
export function browserConfig(config: ConsoleConfig) {
  return { authority: `${config.keycloakUrl}/realms/${config.realm}`, clientId: config.clientId };
}
