import { Cpr } from '@platform/domain';
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

export interface SealedCpr {
  /** iv (12 bytes) | auth tag (16 bytes) | ciphertext */
  ciphertext: Buffer;
  keyId: string;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Keeps CPR numbers secret: AES-256-GCM at rest, with the key id stored beside the ciphertext (and bound to
 * it as associated data) so keys can rotate; everywhere else the citizen is HMAC-SHA-256(CPR), the
 * pseudonym, which is stable across services and cannot be reversed without the pseudonym key.
 */
export class CprVault {
  constructor(
    private readonly keys: ReadonlyMap<string, Buffer>,
    private readonly currentKeyId: string,
    private readonly pseudonymKey: Buffer,
  ) {
    if (!keys.has(currentKeyId)) throw new Error(`no CPR key with id ${currentKeyId}`);
  }

  seal(cpr: Cpr): SealedCpr {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key(this.currentKeyId), iv);
    cipher.setAAD(Buffer.from(this.currentKeyId));
    const encrypted = Buffer.concat([cipher.update(cpr.value, 'utf8'), cipher.final()]);
    return { ciphertext: Buffer.concat([iv, cipher.getAuthTag(), encrypted]), keyId: this.currentKeyId };
  }

  open(sealed: SealedCpr): Cpr {
    const iv = sealed.ciphertext.subarray(0, IV_BYTES);
    const tag = sealed.ciphertext.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.key(sealed.keyId), iv);
    decipher.setAAD(Buffer.from(sealed.keyId));
    decipher.setAuthTag(tag);
    const plain = Buffer.concat([
      decipher.update(sealed.ciphertext.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]);
    return Cpr.parse(plain.toString('utf8'));
  }

  pseudonym(cpr: Cpr): string {
    return createHmac('sha256', this.pseudonymKey).update(cpr.value).digest('hex');
  }

  /** True when the row was sealed with an older key and should be re-encrypted. */
  isStale(keyId: string): boolean {
    return keyId !== this.currentKeyId;
  }

  /** Re-encrypts with the current key (key rotation). */
  reseal(sealed: SealedCpr): SealedCpr {
    return this.seal(this.open(sealed));
  }

  private key(keyId: string): Buffer {
    const key = this.keys.get(keyId);
    if (!key)
      throw new Error(`no CPR key with id ${keyId}; it must stay in CPR_ENCRYPTION_KEYS until rotation`);
    return key;
  }
}
