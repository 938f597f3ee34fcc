import { loadReferralsConfig } from './referrals.config';

const KEY = 'ab'.repeat(32);
const valid = { CPR_ENCRYPTION_KEYS: `k1:${KEY}`, CPR_ENCRYPTION_KEY_ID: 'k1', CPR_PSEUDONYM_KEY: KEY };

describe('referrals configuration', () => {
  it('fills defaults for the local stack', () => {
    const config = loadReferralsConfig(valid);
    expect(config.PORT).toBe(3001);
    expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:9092']);
    expect(config.CPR_ENCRYPTION_KEYS.get('k1')).toHaveLength(32);
  });

  it('names a missing secret without printing any value', () => {
    expect(() => loadReferralsConfig({ ...valid, CPR_PSEUDONYM_KEY: undefined })).toThrow(
      /CPR_PSEUDONYM_KEY: is required but not set/,
    );
  });

  it('names a bad value', () => {
    expect(() => loadReferralsConfig({ ...valid, PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadReferralsConfig({ ...valid, CPR_PSEUDONYM_KEY: 'short' })).toThrow(
      /CPR_PSEUDONYM_KEY: must be 32 bytes/,
    );
  });

  it('refuses a current key id that is not in the keyring', () => {
    expect(() => loadReferralsConfig({ ...valid, CPR_ENCRYPTION_KEY_ID: 'k9' })).toThrow(
      /CPR_ENCRYPTION_KEY_ID/,
    );
  });
});
