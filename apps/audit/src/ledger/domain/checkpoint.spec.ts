import { generateKeyPairSync } from 'node:crypto';
import { checkpointKey, checkpointSignatureHolds, signCheckpoint } from './checkpoint';

const key = checkpointKey('11'.repeat(32));
const body = { count: 42, lastSeq: '42', lastHash: 'ab'.repeat(32), issuedAt: '2026-11-26T12:00:00.000Z' };

describe('signed checkpoints', () => {
  it('are signed with Ed25519 and check out under the public key they carry', () => {
    const signed = signCheckpoint(body, key);
    expect(signed).toMatchObject({ ...body, algorithm: 'Ed25519', keyId: key.keyId });
    expect(signed.publicKey).toContain('BEGIN PUBLIC KEY');
    expect(checkpointSignatureHolds(signed, signed.publicKey)).toBe(true);
  });

  it('fail when any field was changed afterwards', () => {
    const signed = signCheckpoint(body, key);
    expect(checkpointSignatureHolds({ ...signed, count: 41 }, key.publicKey)).toBe(false);
    expect(checkpointSignatureHolds({ ...signed, lastHash: 'cd'.repeat(32) }, key.publicKey)).toBe(false);
  });

  it('fail under another key, and on a signature that is not one', () => {
    const signed = signCheckpoint(body, key);
    const other = generateKeyPairSync('ed25519').publicKey;
    expect(checkpointSignatureHolds(signed, other)).toBe(false);
    expect(checkpointSignatureHolds({ ...signed, signature: 'not-base64' }, key.publicKey)).toBe(false);
  });

  it('derives the same key id from the same seed, and refuses a seed of the wrong length', () => {
    expect(checkpointKey('11'.repeat(32)).keyId).toBe(key.keyId);
    expect(key.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(() => checkpointKey('11'.repeat(16))).toThrow('32 bytes');
  });
});
