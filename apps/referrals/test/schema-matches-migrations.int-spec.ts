import { migrate, schemaDrift } from '@platform/persistence';
import { MIGRATIONS_DIR, SCHEMA_PATH, TEST_DATABASE_URL } from './support/referrals-app';

describe('the referrals database', () => {
  it('matches schema.prisma after its migrations', async () => {
    await migrate(TEST_DATABASE_URL, MIGRATIONS_DIR);
    expect(await schemaDrift(SCHEMA_PATH, TEST_DATABASE_URL)).toEqual([]);
  });
});
