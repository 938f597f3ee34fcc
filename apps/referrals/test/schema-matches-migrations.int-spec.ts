import { migrate, schemaDrift } from '@platform/persistence';
import { MIGRATIONS_DIR, SCHEMA_PATH, TEST_DATABASE_URL } from './support/referrals-app';

describe('the referrals database', () => {
  it('matches its schema folder (its own models and the platform tables) after all migrations', async () => {
    await migrate(TEST_DATABASE_URL, MIGRATIONS_DIR);
    expect(await schemaDrift(SCHEMA_PATH, TEST_DATABASE_URL)).toEqual([]);
  });
});
