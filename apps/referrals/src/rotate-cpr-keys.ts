/**
 * Command: re-encrypt every stored CPR number with the current key (CPR_ENCRYPTION_KEY_ID).
 * Usage: node dist/apps/referrals/src/rotate-cpr-keys.js   (same environment as the service)
 */
import { loadServiceConfig } from '@platform/kit';
import { referralsService } from './app.module';
import { CprVault } from './citizen/cpr-vault';
import { rotateCprKeys } from './citizen/cpr-key-rotation';
import { PrismaService } from './database/prisma.service';

async function main(): Promise<void> {
  const { kit, own } = loadServiceConfig(referralsService);
  const vault = new CprVault(own.CPR_ENCRYPTION_KEYS, own.CPR_ENCRYPTION_KEY_ID, own.CPR_PSEUDONYM_KEY);
  const db = new PrismaService(kit);
  try {
    const { rotated, remaining } = await rotateCprKeys(db, vault, own.CPR_ENCRYPTION_KEY_ID);
    console.log(
      JSON.stringify({
        msg: 'cpr key rotation done',
        currentKeyId: own.CPR_ENCRYPTION_KEY_ID,
        rotated,
        remaining,
      }),
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(
    JSON.stringify({
      msg: 'cpr key rotation failed',
      error: error instanceof Error ? error.message : String(error),
    }),
  );
  process.exit(1);
});
