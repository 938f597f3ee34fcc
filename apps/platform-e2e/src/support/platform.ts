import { authorized, getToken, type AuthorizedAgent, type IdentityName } from '@platform/testing';
import request from 'supertest';

/** The five services of the platform, by the names tools/services.ts gives them. */
export const SERVICE_NAMES = ['referrals', 'specialty-planning', 'knowledge', 'financing', 'audit'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** The ports `npm start` (tools/platform up) gives each service: tools/services.ts. */
export const DEFAULT_PORTS: Record<ServiceName, number> = {
  referrals: 3001,
  'specialty-planning': 3002,
  knowledge: 3003,
  financing: 3004,
  audit: 3005,
};

/**
 * One running service, reached through its HTTP API only, with real Keycloak tokens of the demo identities.
 * `as` gives the same agent libs/testing's helpers take (its ServiceApi), so registerOffer, giveAdvice and the
 * other API helpers work against a running platform as they do in the integration tests.
 */
export interface PlatformService {
  name: ServiceName;
  baseUrl: string;
  as(identity: IdentityName): Promise<AuthorizedAgent>;
}

export interface Platform {
  referrals: PlatformService;
  planning: PlatformService;
  knowledge: PlatformService;
  financing: PlatformService;
  audit: PlatformService;
}

export function serviceAt(name: ServiceName, baseUrl: string): PlatformService {
  const url = baseUrl.replace(/\/+$/, '');
  return {
    name,
    baseUrl: url,
    as: async (identity) => authorized(() => request(url), await getToken(identity)),
  };
}

/** The platform at these base URLs (one per service). */
export function platformAt(urls: Record<ServiceName, string>): Platform {
  return {
    referrals: serviceAt('referrals', urls.referrals),
    planning: serviceAt('specialty-planning', urls['specialty-planning']),
    knowledge: serviceAt('knowledge', urls.knowledge),
    financing: serviceAt('financing', urls.financing),
    audit: serviceAt('audit', urls.audit),
  };
}

/** `REFERRALS_URL`, `SPECIALTY_PLANNING_URL`, … (as tools/seed.ts reads them), else 127.0.0.1 and the default port. */
export function platformFromEnv(env: NodeJS.ProcessEnv = process.env): Platform {
  const urls = Object.fromEntries(
    SERVICE_NAMES.map((name) => {
      const variable = `${name.toUpperCase().replace(/-/g, '_')}_URL`;
      return [name, env[variable] ?? `http://127.0.0.1:${DEFAULT_PORTS[name]}`];
    }),
  ) as Record<ServiceName, string>;
  return platformAt(urls);
}
