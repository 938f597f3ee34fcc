import { TEST_IDENTITIES, type IdentityName, type TestIdentity } from './identities';
import { stackSettings } from './settings';

interface CachedToken {
  accessToken: string;
  /** Epoch ms after which the token is not handed out again. */
  renewAt: number;
}

const cache = new Map<string, CachedToken>();

function cacheKey(identity: TestIdentity): string {
  return `${identity.realm}/${identity.kind}/${identity.kind === 'user' ? identity.username : identity.clientId}`;
}

/** The token endpoint of a realm of the local Keycloak (or KEYCLOAK_URL). */
export function tokenEndpoint(realm: string): string {
  return `${stackSettings().keycloakUrl}/realms/${realm}/protocol/openid-connect/token`;
}

/**
 * A real access token from Keycloak for a test identity: password grant through `platform-cli` for people,
 * client credentials for systems. Cached until shortly before it expires.
 */
export async function getToken(
  identity: IdentityName | TestIdentity,
  options: { fresh?: boolean } = {},
): Promise<string> {
  const id: TestIdentity = typeof identity === 'string' ? TEST_IDENTITIES[identity] : identity;
  const key = cacheKey(id);
  const cached = cache.get(key);
  if (!options.fresh && cached && cached.renewAt > Date.now()) return cached.accessToken;

  const form: Record<string, string> =
    id.kind === 'user'
      ? {
          grant_type: 'password',
          client_id: id.clientId,
          username: id.username,
          password: id.password,
          scope: 'openid',
        }
      : { grant_type: 'client_credentials', client_id: id.clientId, client_secret: id.clientSecret };
  const response = await fetch(tokenEndpoint(id.realm), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  const body = (await response.json().catch(() => ({}))) as {
    access_token?: string;
    expires_in?: number;
    error_description?: string;
  };
  if (!response.ok || !body.access_token) {
    throw new Error(
      `Keycloak refused a token for ${key}: HTTP ${response.status} ${body.error_description ?? ''}`.trim(),
    );
  }
  const lifetimeMs = (body.expires_in ?? 60) * 1000;
  // Hand a cached token out only while it has at least 10 s (or half its life) left.
  cache.set(key, {
    accessToken: body.access_token,
    renewAt: Date.now() + lifetimeMs - Math.min(10_000, lifetimeMs / 2),
  });
  return body.access_token;
}

/** The payload of a JWT, unverified: for assertions in tests, never for access decisions. */
export function decodeTokenPayload(token: string): Record<string, unknown> {
  const payload = token.split('.')[1];
  if (!payload) throw new Error('not a JWT');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}
