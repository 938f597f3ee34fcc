import { loadServiceConfig } from '@platform/kit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { referralsService } from '../src/app.module';

/**
 * Issue 7, finding 10: the referrals service refuses to start in production on the demo configuration, naming
 * every offending variable (the kit's and its own CPR keys) and never a value. Needs no running stack.
 */
describe('referrals in production on the demo configuration', () => {
  const demo = parseEnv(readFileSync(join(__dirname, '../../../infra/env/demo.env'), 'utf8')) as Record<
    string,
    string
  >;
  const env = {
    ...demo,
    NODE_ENV: 'production',
    REFERRALS_DATABASE_URL: 'postgresql://postgres:pg-secret-9@127.0.0.1:5432/referrals',
    KEYCLOAK_URL: 'http://127.0.0.1:8180',
  };

  it('refuses to load, naming each variable and no value', () => {
    let message = '';
    try {
      loadServiceConfig(referralsService, env);
    } catch (error) {
      message = (error as Error).message;
    }
    for (const name of [
      'CPR_ENCRYPTION_KEYS',
      'CPR_ENCRYPTION_KEY_ID',
      'CPR_PSEUDONYM_KEY',
      'REQUEST_HASH_KEY',
      'REFERRALS_DATABASE_URL',
      'KEYCLOAK_URL',
    ]) {
      expect(message).toContain(name);
    }
    for (const value of [
      ...Object.values(demo),
      env.REFERRALS_DATABASE_URL,
      env.KEYCLOAK_URL,
      'pg-secret-9',
    ]) {
      expect(message).not.toContain(value);
    }
  });

  it('loads the same configuration outside production (the local stack)', () => {
    expect(loadServiceConfig(referralsService, { ...env, NODE_ENV: 'development' }).kit.production).toBe(
      false,
    );
  });
});
