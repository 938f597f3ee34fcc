import { Logger } from '@nestjs/common';
import { SignJWT } from 'jose';
import {
  accessClaims,
  AUDIENCE,
  JwksServer,
  newKey,
  REALM,
  secondsFromNow,
  sign,
  unsignedToken,
  type TestKey,
} from './spec-support/jwks-server';
import { InvalidTokenError, KeysUnavailableError } from './token-errors';
import { TokenVerifier, type AuthConfig } from './token-verifier';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('TokenVerifier against a local key endpoint', () => {
  let server: JwksServer;
  let keyA: TestKey;
  let keyB: TestKey;

  beforeAll(async () => {
    Logger.overrideLogger(false); // the failed-fetch warnings are expected here
    [keyA, keyB] = await Promise.all([newKey('key-a'), newKey('key-b')]);
  });
  beforeEach(async () => {
    server = await JwksServer.start([keyA]);
  });
  afterEach(() => server.stop());

  const verifier = (overrides: Partial<AuthConfig> = {}) =>
    new TokenVerifier({ keycloakUrl: server.keycloakUrl, realm: REALM, audience: AUDIENCE, ...overrides });
  const claims = (extra: Record<string, unknown> = {}) => ({ ...accessClaims(server.issuer), ...extra });

  async function rejection(promise: Promise<unknown>): Promise<Error> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(error instanceof Error)) throw new Error('expected a rejection');
    return error;
  }

  it('accepts a valid access token and yields the principal', async () => {
    await expect(verifier().verify(await sign(keyA, claims()))).resolves.toEqual({
      subject: 'user-1',
      clientId: 'platform-cli',
      orgType: 'municipality',
      orgCode: '101',
      roles: ['caseworker'],
    });
  });

  it('refuses a token without exp', async () => {
    const noExp: Record<string, unknown> = claims();
    delete noExp.exp;
    const error = await rejection(verifier().verify(await sign(keyA, noExp)));
    expect(error).toBeInstanceOf(InvalidTokenError);
    expect(error.message).toBe('token lacks the exp claim');
  });

  it('refuses a token as soon as exp has passed: the skew is for nbf and iat only', async () => {
    const v = verifier({ clockSkewSeconds: 30 });
    for (const exp of [secondsFromNow(-1), secondsFromNow(-31)]) {
      const error = await rejection(v.verify(await sign(keyA, claims({ exp }))));
      expect(error).toBeInstanceOf(InvalidTokenError);
      expect(error.message).toBe('token expired');
    }
  });

  it('refuses nbf and iat in the future beyond the skew and accepts them within it', async () => {
    const v = verifier({ clockSkewSeconds: 30 });
    const notYet = await rejection(v.verify(await sign(keyA, claims({ nbf: secondsFromNow(60) }))));
    expect(notYet).toBeInstanceOf(InvalidTokenError);
    expect(notYet.message).toBe('token is not valid yet');
    const future = await rejection(v.verify(await sign(keyA, claims({ iat: secondsFromNow(60) }))));
    expect(future).toBeInstanceOf(InvalidTokenError);
    expect(future.message).toBe('token is issued in the future');
    await expect(
      v.verify(await sign(keyA, claims({ nbf: secondsFromNow(20), iat: secondsFromNow(20) }))),
    ).resolves.toBeDefined();
  });

  it('refuses a wrong issuer or audience', async () => {
    const v = verifier();
    const issuer = await rejection(
      v.verify(await sign(keyA, claims({ iss: 'http://elsewhere/realms/test' }))),
    );
    expect(issuer).toBeInstanceOf(InvalidTokenError);
    expect(issuer.message).toBe('token iss claim is not accepted');
    const audience = await rejection(v.verify(await sign(keyA, claims({ aud: ['account', 'other-api'] }))));
    expect(audience.message).toBe('token aud claim is not accepted');
    // aud may hold several audiences; it must contain ours.
    await expect(v.verify(await sign(keyA, claims({ aud: ['account', AUDIENCE] })))).resolves.toBeDefined();
  });

  it('refuses an ID or refresh token (typ other than Bearer)', async () => {
    const error = await rejection(verifier().verify(await sign(keyA, claims({ typ: 'ID' }))));
    expect(error.message).toBe('token is not an access token');
  });

  it('refuses alg none and HMAC, even with a known kid', async () => {
    const v = verifier();
    const none = await rejection(v.verify(unsignedToken(keyA.kid, claims())));
    expect(none).toBeInstanceOf(InvalidTokenError);
    const secret = new TextEncoder().encode(String(keyA.publicJwk.n));
    const hmac = await new SignJWT(claims()).setProtectedHeader({ alg: 'HS256', kid: keyA.kid }).sign(secret);
    const refused = await rejection(v.verify(hmac));
    expect(refused).toBeInstanceOf(InvalidTokenError);
    expect(refused.message).toBe('token algorithm is not accepted');
    expect(server.requests).toBe(0); // refused before any key is looked up
  });

  it('refuses a token signed by another key under a known kid', async () => {
    const impostor = { ...keyB, kid: keyA.kid };
    const error = await rejection(verifier().verify(await sign(impostor, claims())));
    expect(error.message).toBe('invalid token signature');
  });

  it('fetches the keys once and reuses them', async () => {
    const v = verifier();
    await Promise.all([1, 2, 3].map(async () => v.verify(await sign(keyA, claims()))));
    await v.verify(await sign(keyA, claims()));
    expect(server.requests).toBe(1);
  });

  it('refreshes on an unknown kid at most once per cooldown, and trusts a newly published key', async () => {
    const v = verifier({ keyRefreshCooldownMs: 300 });
    await v.verify(await sign(keyA, claims()));
    server.published = [keyA, keyB];
    // Within the cooldown of the first fetch an unknown kid is refused without asking the server.
    expect(await rejection(v.verify(await sign(keyB, claims())))).toBeInstanceOf(InvalidTokenError);
    expect(server.requests).toBe(1);
    await sleep(350);
    const unknown = await newKey('key-unknown');
    const attempts = await Promise.all(
      [1, 2, 3, 4, 5].map(async () => v.verify(await sign(unknown, claims())).catch((e: unknown) => e)),
    );
    expect(attempts.every((e) => e instanceof InvalidTokenError)).toBe(true);
    await v.verify(await sign(unknown, claims())).catch(() => undefined);
    expect(server.requests).toBe(2);
    // The one refresh brought key-b along.
    await expect(v.verify(await sign(keyB, claims()))).resolves.toBeDefined();
    expect(server.requests).toBe(2);
  });

  it('stops trusting a key removed from the realm once the keys are refetched', async () => {
    const v = verifier({ keyMaxAgeMs: 200, keyRefreshCooldownMs: 100 });
    await v.verify(await sign(keyA, claims()));
    server.published = [keyB];
    await sleep(250);
    const error = await rejection(v.verify(await sign(keyA, claims())));
    expect(error).toBeInstanceOf(InvalidTokenError);
    expect(error.message).toBe('token is signed by an unknown key');
    expect(server.requests).toBe(2);
    await expect(v.verify(await sign(keyB, claims()))).resolves.toBeDefined();
  });

  it("answers a token it verified before from memory, only while its key is still the realm's", async () => {
    const v = verifier({ keyMaxAgeMs: 200, keyRefreshCooldownMs: 100 });
    const token = await sign(keyA, claims());
    const first = await v.verify(token);
    // The very same principal object: no second verification ran (it would have built a new one).
    await expect(v.verify(token)).resolves.toBe(first);
    server.published = [keyB];
    await sleep(250);
    const error = await rejection(v.verify(token));
    expect(error.message).toBe('token is signed by an unknown key');
  });

  it('does not keep a verified token past its exp', async () => {
    const v = verifier();
    const token = await sign(keyA, claims({ exp: secondsFromNow(1) }));
    await v.verify(token);
    await sleep(1_100);
    await expect(rejection(v.verify(token))).resolves.toBeInstanceOf(InvalidTokenError);
  });

  it.each(['non-json', 'no-keys-array', 'status-500'] as const)(
    'treats a key endpoint answering %s as keys unavailable',
    async (behaviour) => {
      server.behaviour = behaviour;
      const error = await rejection(verifier().verify(await sign(keyA, claims())));
      expect(error).toBeInstanceOf(KeysUnavailableError);
      expect((error as KeysUnavailableError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    },
  );

  it('gives up on a hanging key endpoint after the timeout', async () => {
    server.behaviour = 'hang';
    const started = Date.now();
    const error = await rejection(verifier({ keyFetchTimeoutMs: 300 }).verify(await sign(keyA, claims())));
    expect(error).toBeInstanceOf(KeysUnavailableError);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('keeps verifying with cached keys while the key endpoint is down', async () => {
    const v = verifier({ keyMaxAgeMs: 100, keyRefreshCooldownMs: 50 });
    await v.verify(await sign(keyA, claims()));
    await server.stop();
    await sleep(150);
    await expect(v.verify(await sign(keyA, claims()))).resolves.toBeDefined();
    // An unknown kid cannot be judged without the endpoint: unavailable, not invalid.
    expect(await rejection(v.verify(await sign(keyB, claims())))).toBeInstanceOf(KeysUnavailableError);
    server = await JwksServer.start([keyA]); // for afterEach
  });

  it('readiness fails while no key can be fetched and passes once keys are cached', async () => {
    const v = verifier({ keyRefreshCooldownMs: 100 });
    server.behaviour = 'non-json';
    const check = v.readiness();
    expect(check.name).toBe('identity');
    await expect(check.check()).rejects.toThrow('signing keys cannot be fetched');
    server.behaviour = 'keys';
    await sleep(150);
    await expect(check.check()).resolves.toBeUndefined();
  });
});
