import KeycloakConnect from 'keycloak-connect';
import { FUNCTIONAL_ROLES, ORG_TYPES, type FunctionalRole, type OrgType, type Principal } from './principal';

export interface AuthConfig {
  /** e.g. http://127.0.0.1:8180 */
  keycloakUrl: string;
  realm: string;
  /** The client id every token must name in `aud` (Keycloak audience mapper). */
  audience: string;
}

export class InvalidTokenError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidTokenError';
  }
}

interface TokenContent {
  sub?: string;
  azp?: string;
  org_type?: unknown;
  org_code?: unknown;
  preferred_username?: string;
  realm_access?: { roles?: string[] };
}

/**
 * Verifies Keycloak access tokens offline: signature against the realm's keys (fetched once and cached by
 * keycloak-connect, refetched on an unknown key id), issuer, audience, expiry, token type. keycloak-connect is
 * deprecated upstream, so it lives only here: swapping it for `jose` touches this file alone.
 */
export class TokenVerifier {
  private readonly grants: KeycloakConnect.GrantManager;

  constructor(config: AuthConfig) {
    const keycloak = new KeycloakConnect({}, {
      realm: config.realm,
      'auth-server-url': config.keycloakUrl,
      resource: config.audience,
      'bearer-only': true,
      'verify-token-audience': true,
      'ssl-required': 'external',
      'confidential-port': 0,
    } as unknown as KeycloakConnect.KeycloakConfig);
    this.grants = keycloak.grantManager;
  }

  async verify(rawToken: string): Promise<Principal> {
    let content: TokenContent;
    try {
      const grant = await this.grants.createGrant({ access_token: rawToken } as never);
      content = (grant.access_token as unknown as { content: TokenContent }).content;
    } catch (error) {
      throw new InvalidTokenError(reason(error));
    }
    return toPrincipal(content);
  }
}

function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : 'invalid token';
  return message.replace(/^(Grant validation failed\. Reason: )+/, '');
}

export function toPrincipal(content: TokenContent): Principal {
  const orgType = content.org_type;
  const orgCode = content.org_code;
  if (!content.sub || !content.azp) throw new InvalidTokenError('token lacks sub or azp');
  if (typeof orgType !== 'string' || !ORG_TYPES.includes(orgType as OrgType)) {
    throw new InvalidTokenError('token lacks a valid org_type claim');
  }
  if (typeof orgCode !== 'string' || !/^(\d{3,4}|state)$/.test(orgCode)) {
    throw new InvalidTokenError('token lacks a valid org_code claim');
  }
  const realmRoles = content.realm_access?.roles ?? [];
  if (!realmRoles.includes(orgType)) throw new InvalidTokenError('org_type claim and realm roles disagree');
  return {
    subject: content.sub,
    clientId: content.azp,
    orgType: orgType as OrgType,
    orgCode,
    roles: realmRoles.filter((r): r is FunctionalRole => FUNCTIONAL_ROLES.includes(r as FunctionalRole)),
    ...(content.preferred_username ? { username: content.preferred_username } : {}),
  };
}
