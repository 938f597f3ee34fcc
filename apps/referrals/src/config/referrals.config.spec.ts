import { loadServiceConfig } from '@platform/kit';
import { referralsService } from '../app.module';

const KEY = 'ab'.repeat(32);
const valid = {
  CPR_ENCRYPTION_KEYS: `k1:${KEY}`,
  CPR_ENCRYPTION_KEY_ID: 'k1',
  CPR_PSEUDONYM_KEY: KEY,
  REQUEST_HASH_KEY: KEY,
};

describe('referrals configuration', () => {
  it('fills defaults for the local stack', () => {
    const { kit, own } = loadServiceConfig(referralsService, valid);
    expect(kit.port).toBe(3001);
    expect(kit.databaseUrl).toBe('postgresql://postgres@127.0.0.1:5432/referrals');
    expect(kit.kafkaBrokers).toEqual(['127.0.0.1:9092']);
    expect(kit.consumerGroup).toBe('referrals');
    expect(own.CPR_ENCRYPTION_KEYS.get('k1')).toHaveLength(32);
  });

  it('reads its database from REFERRALS_DATABASE_URL', () => {
    const url = 'postgresql://app@db.example:5432/referrals';
    expect(
      loadServiceConfig(referralsService, { ...valid, REFERRALS_DATABASE_URL: url }).kit.databaseUrl,
    ).toBe(url);
  });

  it('names a missing secret without printing any value', () => {
    expect(() => loadServiceConfig(referralsService, { ...valid, CPR_PSEUDONYM_KEY: undefined })).toThrow(
      /CPR_PSEUDONYM_KEY: is required but not set/,
    );
    expect(() => loadServiceConfig(referralsService, { ...valid, REQUEST_HASH_KEY: undefined })).toThrow(
      /REQUEST_HASH_KEY: is required but not set/,
    );
  });

  it('names a bad value', () => {
    expect(() => loadServiceConfig(referralsService, { ...valid, PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadServiceConfig(referralsService, { ...valid, CPR_PSEUDONYM_KEY: 'short' })).toThrow(
      /CPR_PSEUDONYM_KEY: must be 32 bytes/,
    );
  });

  it('refuses a current key id that is not in the keyring', () => {
    expect(() => loadServiceConfig(referralsService, { ...valid, CPR_ENCRYPTION_KEY_ID: 'k9' })).toThrow(
      /CPR_ENCRYPTION_KEY_ID/,
    );
  });
});
