import { randomBytes } from 'node:crypto';
import { rotateCprKeys } from '../src/citizen/cpr-key-rotation';
import { CprVault } from '../src/citizen/cpr-vault';
import { ReferralApi } from './support/referral-api';
import { startReferralsApp, testConfig, type ReferralsTestApp } from './support/referrals-app';

describe('CPR key rotation', () => {
  let t: ReferralsTestApp;

  beforeAll(async () => {
    t = await startReferralsApp();
  });
  afterAll(() => t.close());

  it('re-encrypts rows of the old key under the new one, and the CPR number still reads back', async () => {
    const { id } = await new ReferralApi(t.app).create('caseworker-101', { cpr: '1111111118' });
    const old = testConfig();
    const newKey = randomBytes(32);
    const keys = new Map([...old.CPR_ENCRYPTION_KEYS, ['rotation-test', newKey]]);
    const vault = new CprVault(keys, 'rotation-test', old.CPR_PSEUDONYM_KEY);

    const { remaining } = await rotateCprKeys(t.prisma, vault, 'rotation-test');
    expect(remaining).toBe(0);
    const row = await t.prisma.referral.findUniqueOrThrow({ where: { id } });
    expect(row.cprKeyId).toBe('rotation-test');
    expect(vault.open({ ciphertext: Buffer.from(row.cprCiphertext), keyId: row.cprKeyId }).value).toBe(
      '1111111118',
    );

    // Back to the demo key, so other tests (and the running service) can read every row again.
    const back = new CprVault(keys, old.CPR_ENCRYPTION_KEY_ID, old.CPR_PSEUDONYM_KEY);
    expect((await rotateCprKeys(t.prisma, back, old.CPR_ENCRYPTION_KEY_ID)).remaining).toBe(0);
  });
});
