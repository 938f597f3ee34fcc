import { generateKeyPairSync, sign } from 'node:crypto';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * A token with the right claims but signed by a key Keycloak never had: only for the tests that prove
 * forged tokens are refused. Every other test uses real tokens from Keycloak.
 */
export function forgeToken(claims: Record<string, unknown>, kid = 'forged-key'): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const header = b64({ alg: 'RS256', typ: 'JWT', kid });
  const payload = b64(claims);
  const signature = sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), privateKey).toString('base64url');
  return `${header}.${payload}.${signature}`;
}

/** The claims of a real token, to copy into a forged one. */
export function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
}

/** The kid of a real token, so a forgery cannot be told apart by its header. */
export function kidOf(token: string): string {
  return (JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8')) as { kid: string }).kid;
}
