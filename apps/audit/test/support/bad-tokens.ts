import { getToken } from '@platform/testing';
import { generateKeyPairSync, sign } from 'node:crypto';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const part = (token: string, index: 0 | 1) =>
  JSON.parse(Buffer.from(token.split('.')[index]!, 'base64url').toString('utf8')) as Record<string, unknown>;

/** The tokens every endpoint must refuse with 401: named for the matrix, `undefined` = no Authorization header. */
export type BadTokenName = 'no token' | 'expired' | 'foreign key' | 'other realm' | 'alg none';

/**
 * Real tokens gone bad, and forgeries of a real one (caseworker-101's claims and kid): signed by a key
 * Keycloak never had, or not signed at all (`alg: none`). Only these tests forge tokens.
 */
export async function badTokens(): Promise<Record<BadTokenName, string | undefined>> {
  const real = await getToken('caseworker-101', { fresh: true });
  const claims = { ...part(real, 1), exp: Math.floor(Date.now() / 1000) + 600 };
  const kid = part(real, 0).kid as string;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const header = b64({ alg: 'RS256', typ: 'JWT', kid });
  const payload = b64(claims);
  const forged = `${header}.${payload}.${sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), privateKey).toString('base64url')}`;
  const unsigned = `${b64({ alg: 'none', typ: 'JWT', kid })}.${payload}.`;

  const shortLived = await getToken('short-lived-test', { fresh: true });
  const exp = part(shortLived, 1).exp as number;
  await new Promise((r) => setTimeout(r, Math.max(0, exp * 1000 - Date.now()) + 1500));

  return {
    'no token': undefined,
    expired: shortLived,
    'foreign key': forged,
    'other realm': await getToken('other-realm-caseworker-101'),
    'alg none': unsigned,
  };
}
