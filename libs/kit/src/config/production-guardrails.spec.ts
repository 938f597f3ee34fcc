import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { loadKitConfig } from './kit-config';
import { DEMO_SECRET_FINGERPRINTS, fingerprint, isDemoSecret } from './production-guardrails';

const root = join(__dirname, '../../../..');
const demo = parseEnv(readFileSync(join(root, 'infra/env/demo.env'), 'utf8')) as Record<string, string>;
const realm = JSON.parse(readFileSync(join(root, 'infra/keycloak/realm-social.json'), 'utf8')) as {
  clients: { secret?: string }[];
};
const clientSecrets = realm.clients.flatMap((c) => (c.secret ? [c.secret] : []));

/** A production environment with nothing wrong: own keys, own role, https issuer. */
const good = {
  NODE_ENV: 'production',
  REFERRALS_DATABASE_URL: 'postgresql://referrals_app:s3cret-from-vault@db.internal:5432/referrals',
  KEYCLOAK_URL: 'https://login.example.dk',
  REQUEST_HASH_KEY: 'a'.repeat(64),
  KAFKA_SSL: 'true',
  REFERRALS_KAFKA_PASSWORD: 'kafka-secret-from-vault',
};

const without = (env: Record<string, string>, name: string) =>
  Object.fromEntries(Object.entries(env).filter(([key]) => key !== name));
const load = (env: Record<string, string>) => () => loadKitConfig('referrals', 3001, env);
const messageOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('production guardrails', () => {
  it('knows every value of demo.env and every demo client secret (keep the fingerprints in step)', () => {
    const values = [...Object.values(demo), ...clientSecrets];
    expect(values.length).toBeGreaterThan(5);
    for (const value of values) expect(DEMO_SECRET_FINGERPRINTS.has(fingerprint(value))).toBe(true);
  });

  it('starts in production with real secrets, an application role and an https issuer', () => {
    expect(load(good)()).toMatchObject({ production: true });
  });

  it('refuses each demo value, naming the variable and never the value', () => {
    const env = { ...good, ...demo, KEYCLOAK_CLIENT_SECRET: clientSecrets[0]! };
    const message = messageOf(load(env));
    for (const name of [...Object.keys(demo), 'KEYCLOAK_CLIENT_SECRET']) expect(message).toContain(name);
    for (const value of [...Object.values(demo), clientSecrets[0]!]) expect(message).not.toContain(value);
  });

  it('sees a demo key inside a keyring, in upper case or as base64', () => {
    const key = demo.REQUEST_HASH_KEY!;
    expect(isDemoSecret(`prod-2027:${'b'.repeat(64)},old:${key}`)).toBe(true);
    expect(isDemoSecret(key.toUpperCase())).toBe(true);
    expect(isDemoSecret(Buffer.from(key, 'hex').toString('base64'))).toBe(true);
    expect(isDemoSecret('c'.repeat(64))).toBe(false);
  });

  it.each([
    ['the superuser', 'postgresql://postgres:pw-123@db.internal:5432/referrals'],
    ['no user at all (the OS user)', 'postgresql://db.internal:5432/referrals'],
  ])('refuses a database URL with %s, without echoing the URL', (_, url) => {
    const message = messageOf(load({ ...good, REFERRALS_DATABASE_URL: url }));
    expect(message).toContain('REFERRALS_DATABASE_URL');
    expect(message).not.toContain(url);
    expect(message).not.toContain('pw-123');
  });

  it('refuses the default database URL (the superuser) when none is set', () => {
    expect(messageOf(load(without(good, 'REFERRALS_DATABASE_URL')))).toContain('REFERRALS_DATABASE_URL');
  });

  it('refuses a plain-HTTP issuer, and the default one', () => {
    expect(messageOf(load({ ...good, KEYCLOAK_URL: 'http://login.example.dk' }))).toContain('KEYCLOAK_URL');
    expect(messageOf(load(without(good, 'KEYCLOAK_URL')))).toContain('KEYCLOAK_URL');
  });

  it('refuses a plaintext Kafka broker and a service without its Kafka credentials', () => {
    const plaintext = messageOf(load({ ...good, KAFKA_SSL: 'false' }));
    expect(plaintext).toContain('KAFKA_SSL');
    expect(messageOf(load(without(good, 'KAFKA_SSL')))).toContain('KAFKA_SSL');
    const anonymous = messageOf(load(without(good, 'REFERRALS_KAFKA_PASSWORD')));
    expect(anonymous).toContain('REFERRALS_KAFKA_PASSWORD');
    expect(anonymous).not.toContain('KAFKA_SSL');
  });

  it('checks nothing outside production (the demo stack runs on demo values)', () => {
    expect(load({ ...demo, NODE_ENV: 'development' })()).toMatchObject({ production: false });
  });
});
