import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** What a checkpoint vouches for: the ledger held `count` rows and the last one had this hash. */
export interface CheckpointBody {
  ledger: 'dk.social.audit-ledger';
  count: number;
  lastSeq: string;
  lastHash: string;
  issuedAt: string;
  /** First 16 hex characters of SHA-256 over the raw public key. */
  keyId: string;
}

export interface SignedCheckpoint extends CheckpointBody {
  algorithm: 'Ed25519';
  /** Base64url Ed25519 signature over the canonical JSON of the body (the fields above). */
  signature: string;
  /** The key that checks it, SPKI PEM: keep it with the checkpoint, outside the platform. */
  publicKey: string;
}

export interface CheckpointKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicKeyPem: string;
  keyId: string;
}

// PKCS#8 header of an Ed25519 private key (RFC 8410): the 32-byte seed follows.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** The signing key from its 32-byte seed in hex (AUDIT_CHECKPOINT_SIGNING_KEY). */
export function checkpointKey(seedHex: string): CheckpointKey {
  const seed = Buffer.from(seedHex, 'hex');
  if (seed.length !== 32) throw new Error('an Ed25519 seed is 32 bytes (64 hex characters)');
  const privateKey = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey = createPublicKey(privateKey);
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  return {
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    keyId: createHash('sha256').update(raw).digest('hex').slice(0, 16),
  };
}

const bodyOf = (c: CheckpointBody): CheckpointBody => ({
  ledger: c.ledger,
  count: c.count,
  lastSeq: c.lastSeq,
  lastHash: c.lastHash,
  issuedAt: c.issuedAt,
  keyId: c.keyId,
});

export function signCheckpoint(
  body: Omit<CheckpointBody, 'keyId' | 'ledger'>,
  key: CheckpointKey,
): SignedCheckpoint {
  const full = bodyOf({ ...body, ledger: 'dk.social.audit-ledger', keyId: key.keyId });
  const signature = sign(null, Buffer.from(canonicalJson(full)), key.privateKey).toString('base64url');
  return { ...full, algorithm: 'Ed25519', signature, publicKey: key.publicKeyPem };
}

/** True when the signature over the body's fields holds under the given public key (PEM or KeyObject). */
export function checkpointSignatureHolds(
  checkpoint: CheckpointBody & { signature: string },
  publicKey: KeyObject | string,
): boolean {
  try {
    return verify(
      null,
      Buffer.from(canonicalJson(bodyOf(checkpoint))),
      typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey,
      Buffer.from(checkpoint.signature, 'base64url'),
    );
  } catch {
    return false;
  }
}
