import { Cpr } from '@platform/domain';
import { randomBytes } from 'node:crypto';
import { CprVault } from './cpr-vault';

describe('CprVault', () => {
  const k1 = randomBytes(32);
  const k2 = randomBytes(32);
  const pseudonymKey = randomBytes(32);
  const cpr = Cpr.parse('0101901234');

  it('seals with the current key and opens again', () => {
    const vault = new CprVault(new Map([['k1', k1]]), 'k1', pseudonymKey);
    const sealed = vault.seal(cpr);
    expect(sealed.keyId).toBe('k1');
    expect(sealed.ciphertext.includes(Buffer.from('0101901234'))).toBe(false);
    expect(vault.open(sealed).value).toBe('0101901234');
  });

  it('never produces the same ciphertext twice (random IV)', () => {
    const vault = new CprVault(new Map([['k1', k1]]), 'k1', pseudonymKey);
    expect(vault.seal(cpr).ciphertext.equals(vault.seal(cpr).ciphertext)).toBe(false);
  });

  it('refuses a ciphertext whose key id was swapped (the key id is authenticated)', () => {
    const vault = new CprVault(
      new Map([
        ['k1', k1],
        ['k2', k1],
      ]),
      'k1',
      pseudonymKey,
    );
    const sealed = vault.seal(cpr);
    expect(() => vault.open({ ...sealed, keyId: 'k2' })).toThrow();
  });

  it('re-seals rows of an old key under the new one (rotation)', () => {
    const old = new CprVault(new Map([['k1', k1]]), 'k1', pseudonymKey);
    const rotated = new CprVault(
      new Map([
        ['k1', k1],
        ['k2', k2],
      ]),
      'k2',
      pseudonymKey,
    );
    const sealed = old.seal(cpr);
    expect(rotated.isStale(sealed.keyId)).toBe(true);
    const resealed = rotated.reseal(sealed);
    expect(resealed.keyId).toBe('k2');
    expect(rotated.open(resealed).value).toBe('0101901234');
  });

  it('gives a stable 64-hex pseudonym that does not contain the CPR number', () => {
    const vault = new CprVault(new Map([['k1', k1]]), 'k1', pseudonymKey);
    const pseudonym = vault.pseudonym(cpr);
    expect(pseudonym).toMatch(/^[0-9a-f]{64}$/);
    expect(vault.pseudonym(Cpr.parse('010190-1234'))).toBe(pseudonym);
    expect(pseudonym).not.toContain('0101901234');
  });
});
