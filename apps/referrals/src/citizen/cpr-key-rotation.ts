import type { PrismaService } from '../database/prisma.service';
import type { CprVault } from './cpr-vault';

/**
 * Re-encrypts CPR numbers sealed with an older key under the current key, in batches, each batch one
 * transaction with its rows locked (SKIP LOCKED: safe while the service runs, and in several processes).
 * When it reports 0 remaining, the old key can leave CPR_ENCRYPTION_KEYS.
 */
export async function rotateCprKeys(
  db: PrismaService,
  vault: CprVault,
  currentKeyId: string,
  batchSize = 500,
) {
  let rotated = 0;
  for (;;) {
    const done = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ id: string; cpr_ciphertext: Uint8Array; cpr_key_id: string }[]>`
        SELECT id, cpr_ciphertext, cpr_key_id FROM referral WHERE cpr_key_id <> ${currentKeyId}
        LIMIT ${batchSize} FOR UPDATE SKIP LOCKED`;
      for (const row of rows) {
        const sealed = vault.reseal({ ciphertext: Buffer.from(row.cpr_ciphertext), keyId: row.cpr_key_id });
        await tx.$executeRaw`UPDATE referral SET cpr_ciphertext = ${sealed.ciphertext}, cpr_key_id = ${sealed.keyId} WHERE id = ${row.id}::uuid`;
      }
      return rows.length;
    });
    rotated += done;
    if (done < batchSize) break;
  }
  const remaining = await db.referral.count({ where: { cprKeyId: { not: currentKeyId } } });
  return { rotated, remaining };
}
