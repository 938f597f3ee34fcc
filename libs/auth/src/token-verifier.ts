import type { ReadinessCheck } from '@platform/http';
import { errors, jwtVerify, type JWTHeaderParameters, type JWTPayload } from 'jose';
import { SigningKeys } from './keys/signing-keys';
import { VerifiedTokens } from './keys/verified-tokens';
import { FUNCTIONAL_ROLES, ORG_TYPES, type FunctionalRole, type OrgType, type Principal } from './principal';
import { InvalidTokenError, KeysUnavailableError } from './token-errors';

export { InvalidTokenError, KeysUnavailableError } from './token-errors';

export interface AuthConfig {
  /** e.g. http://127.0.0.1:8180 */
  keycloakUrl: string;
  realm: string;
  /** The client id every token must name in `aud` (Keycloak audience mapper). */
  audience: string;
  /**
   * How far `nbf` and `iat` may lie in the future, for a Keycloak clock running ahead of ours (default 30 s).
   * `exp` gets no leeway: an expired token is never honoured, and a Keycloak clock running behind only shortens
   * a token's life by the difference (the client fetches a new one on 401).
   */
  clockSkewSeconds?: number;
  /** A key fetch slower than this counts as failed (default 3 s). */
  keyFetchTimeoutMs?: number;
  /** At most one key fetch per cooldown, however many unknown key ids arrive (default 30 s). */
  keyRefreshCooldownMs?: number;
  /** Keys are refetched when older than this, so a key removed from the realm stops being trusted (default 5 min). */
  keyMaxAgeMs?: number;
}

export const AUTH_DEFAULTS = {
  clockSkewSeconds: 30,
  keyFetchTimeoutMs: 3_000,
  keyRefreshCooldownMs: 30_000,
  keyMaxAgeMs: 5 * 60_000,
} as const;

/** The asymmetric algorithms Keycloak signs with; `none` and HMAC (a shared secret) are never accepted. */
export const TOKEN_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
];

interface TokenContent {
  sub?: string;
  azp?: string;
  org_type?: unknown;
  org_code?: unknown;
  preferred_username?: string;
  realm_access?: { roles?: string[] };
}

/**
 * Verifies Keycloak access tokens offline with `jose`: signature against the realm's published keys (see
 * SigningKeys: cached, refetched on age or unknown kid at most once per cooldown, fetched with a timeout),
 * issuer, audience, a required and unexpired `exp`, `nbf`/`iat` not in the future beyond the clock skew, and
 * `typ: Bearer` (Keycloak's claim for access tokens; ID and refresh tokens carry other values).
 */
export class TokenVerifier {
  private readonly keys: SigningKeys;
  private readonly verified = new VerifiedTokens();
  private readonly issuer: string;
  private readonly skew: number;

  constructor(private readonly config: AuthConfig) {
    const settings = { ...AUTH_DEFAULTS, ...definedOnly(config) };
    this.issuer = `${config.keycloakUrl.replace(/\/+$/, '')}/realms/${config.realm}`;
    this.skew = settings.clockSkewSeconds;
    this.keys = new SigningKeys({
      url: `${this.issuer}/protocol/openid-connect/certs`,
      algorithms: TOKEN_ALGORITHMS,
      timeoutMs: settings.keyFetchTimeoutMs,
      cooldownMs: settings.keyRefreshCooldownMs,
      maxAgeMs: settings.keyMaxAgeMs,
    });
  }

  /**
   * Throws InvalidTokenError (→ 401) or KeysUnavailableError (→ 503). A token verified before is answered from
   * memory while it is unexpired and its key is still the realm's: a client sends the same token on every call
   * until it expires, and the RSA check was the largest single cost of a request.
   */
  async verify(rawToken: string): Promise<Principal> {
    const known = this.verified.get(rawToken);
    if (known && (await this.keys.stillTrusts(known.kid))) return known.principal;
    const { principal, exp, kid } = await this.verifyOnce(rawToken);
    this.verified.set(rawToken, { principal, exp, kid });
    return principal;
  }

  private async verifyOnce(rawToken: string): Promise<{ principal: Principal; exp: number; kid: string }> {
    let payload: JWTPayload;
    let kid = '';
    try {
      const keyOf = (header: JWTHeaderParameters) => {
        kid = String(header.kid);
        return this.keys.keyFor(header.kid, header.alg);
      };
      ({ payload } = await jwtVerify(rawToken, keyOf, {
        algorithms: TOKEN_ALGORITHMS,
        issuer: this.issuer,
        audience: this.config.audience,
        requiredClaims: ['exp'],
        clockTolerance: this.skew,
      }));
    } catch (error) {
      throw asTokenError(error);
    }
    // jose applies its tolerance to `exp` too and checks a future `iat` only together with a maximum token age.
    const now = Date.now() / 1000;
    if ((payload.exp as number) <= now) throw new InvalidTokenError('token expired');
    if (typeof payload.iat === 'number' && payload.iat > now + this.skew) {
      throw new InvalidTokenError('token is issued in the future');
    }
    if (payload.typ !== 'Bearer') throw new InvalidTokenError('token is not an access token');
    return { principal: toPrincipal(payload as TokenContent), exp: payload.exp as number, kid };
  }

  /** Fails while no signing key is cached and none can be fetched; add it to a service's READINESS_CHECKS. */
  readiness(): ReadinessCheck {
    return { name: 'identity', check: () => this.keys.ensureAvailable() };
  }
}

function definedOnly(config: AuthConfig): Partial<typeof AUTH_DEFAULTS> {
  return Object.fromEntries(
    Object.entries(config).filter(([k, v]) => k in AUTH_DEFAULTS && v !== undefined),
  ) as Partial<typeof AUTH_DEFAULTS>;
}

/** Reasons callers may read: which check failed, never a key, a host or a library's internals. */
function asTokenError(error: unknown): Error {
  if (error instanceof InvalidTokenError || error instanceof KeysUnavailableError) return error;
  if (error instanceof errors.JWTExpired) return new InvalidTokenError('token expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') return new InvalidTokenError(`token lacks the ${error.claim} claim`);
    if (error.claim === 'nbf') return new InvalidTokenError('token is not valid yet');
    return new InvalidTokenError(`token ${error.claim} claim is not accepted`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return new InvalidTokenError('invalid token signature');
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return new InvalidTokenError('token algorithm is not accepted');
  }
  return new InvalidTokenError('malformed token');
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
