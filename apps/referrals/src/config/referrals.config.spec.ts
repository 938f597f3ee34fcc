import { loadServiceConfig } from '@platform/kit';
import { referralsService } from '../app.module';
import { adviceDeadlineMs } from './referrals.config';

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

  describe('the advice deadline', () => {
    const DAY_MS = 86_400_000;
    const deadline = (env: Record<string, string>) =>
      adviceDeadlineMs(loadServiceConfig(referralsService, { ...valid, ...env }).own);

    it('is ADVICE_DEADLINE_DAYS (14 unless set) after submission', () => {
      expect(deadline({})).toBe(14 * DAY_MS);
      expect(deadline({ ADVICE_DEADLINE_DAYS: '10' })).toBe(10 * DAY_MS);
    });

    it('is ADVICE_DEADLINE, an ISO-8601 duration, when a test platform sets it', () => {
      expect(deadline({ ADVICE_DEADLINE: 'PT90S' })).toBe(90_000);
      expect(deadline({ ADVICE_DEADLINE: 'PT2M', ADVICE_DEADLINE_DAYS: '10' })).toBe(120_000);
    });

    it('names a bad ADVICE_DEADLINE', () => {
      expect(() => deadline({ ADVICE_DEADLINE: '90' })).toThrow(
        /ADVICE_DEADLINE: must be an ISO-8601 duration/,
      );
      expect(() => deadline({ ADVICE_DEADLINE: 'P1M' })).toThrow(
        /ADVICE_DEADLINE: must be an ISO-8601 duration/,
      );
      expect(() => deadline({ ADVICE_DEADLINE: 'PT0S' })).toThrow(
        /ADVICE_DEADLINE: must lie between 1 s and 365 days/,
      );
      expect(() => deadline({ ADVICE_DEADLINE: 'P366D' })).toThrow(/ADVICE_DEADLINE: must lie between/);
    });

    it('refuses ADVICE_DEADLINE in production, where the deadline is days', () => {
      // Only the referrals check: the kit's production guardrails are libs/kit's tests.
      const own = loadServiceConfig(referralsService, { ...valid, ADVICE_DEADLINE: 'PT90S' }).own;
      expect(() => referralsService.checkConfig!({ ...own, NODE_ENV: 'production' })).toThrow(
        /ADVICE_DEADLINE: is for test platforms/,
      );
      expect(() =>
        referralsService.checkConfig!({ ...own, ADVICE_DEADLINE: undefined, NODE_ENV: 'production' }),
      ).not.toThrow();
    });
  });
});
