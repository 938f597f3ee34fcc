/**
 * Command: re-encrypt every stored CPR number with the current key (CPR_ENCRYPTION_KEY_ID).
 * Usage: node dist/apps/referrals/src/rotate-cpr-keys.js   (same environment as the service)
 */
import { CprVault } from './citizen/cpr-vault';
import { rotateCprKeys } from './citizen/cpr-key-rotation';
import { loadReferralsConfig } from './config/referrals.config';
import { PrismaService } from './database/prisma.service';

async function main(): Promise<void> {
  const config = loadReferralsConfig();
  const vault = new CprVault(
    config.CPR_ENCRYPTION_KEYS,
    config.CPR_ENCRYPTION_KEY_ID,
    config.CPR_PSEUDONYM_KEY,
  );
  const db = new PrismaService(config);
  try {
    const { rotated, remaining } = await rotateCprKeys(db, vault, config.CPR_ENCRYPTION_KEY_ID);
    console.log(
      JSON.stringify({
        msg: 'cpr key rotation done',
        currentKeyId: config.CPR_ENCRYPTION_KEY_ID,
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
