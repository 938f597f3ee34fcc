import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';

/**
 * A stand-in for Keycloak's key endpoint in unit tests: serves the published keys on 127.0.0.1 (random port) at
 * the path Keycloak uses, counts requests, and can answer badly on purpose (non-JSON, 500, never).
 */
export const REALM = 'test';
export const AUDIENCE = 'platform-api';

export type JwksBehaviour = 'keys' | 'non-json' | 'no-keys-array' | 'status-500' | 'hang';

export interface TestKey {
  kid: string;
  alg: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export async function newKey(kid: string, alg = 'RS256'): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { kid, alg, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

export class JwksServer {
  requests = 0;
  behaviour: JwksBehaviour = 'keys';
  published: TestKey[] = [];

  /** Kept after stop(), so tokens still name the issuer of a Keycloak that went down. */
  port = 0;

  private constructor(private readonly server: Server) {}

  static async start(published: TestKey[] = []): Promise<JwksServer> {
    const server = createServer((req, res) => self.answer(req.url, res));
    const self = new JwksServer(server);
    self.published = published;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    self.port = (server.address() as AddressInfo).port;
    return self;
  }

  get keycloakUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get issuer(): string {
    return `${this.keycloakUrl}/realms/${REALM}`;
  }

  /** Stops listening and drops open (hanging) connections, so a later fetch is refused like a down Keycloak. */
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private answer(url: string | undefined, res: import('node:http').ServerResponse): void {
    if (url !== `/realms/${REALM}/protocol/openid-connect/certs`) {
      res.writeHead(404).end();
      return;
    }
    this.requests += 1;
    if (this.behaviour === 'hang') return;
    if (this.behaviour === 'status-500') {
      res.writeHead(500).end();
      return;
    }
    if (this.behaviour === 'non-json') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html>maintenance</html>');
      return;
    }
    const body =
      this.behaviour === 'no-keys-array'
        ? { error: 'nope' }
        : { keys: this.published.map((k) => k.publicJwk) };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }
}

const now = () => Math.floor(Date.now() / 1000);

/** The claims of a municipal case worker's access token as Keycloak issues it for this realm. */
export function accessClaims(issuer: string): JWTPayload & Record<string, unknown> {
  return {
    iss: issuer,
    aud: AUDIENCE,
    sub: 'user-1',
    azp: 'platform-cli',
    typ: 'Bearer',
    iat: now(),
    exp: now() + 300,
    org_type: 'municipality',
    org_code: '101',
    realm_access: { roles: ['municipality', 'caseworker'] },
  };
}

/** Signs exactly the given claims (no defaults added), with the key's kid and alg in the header. */
export function sign(key: TestKey, claims: JWTPayload): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
    .sign(key.privateKey);
}

/** A token declaring `alg: none` (no signature), the classic downgrade. */
export function unsignedToken(kid: string, claims: JWTPayload): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', kid, typ: 'JWT' })}.${part(claims)}.`;
}

export const secondsFromNow = (seconds: number) => now() + seconds;
