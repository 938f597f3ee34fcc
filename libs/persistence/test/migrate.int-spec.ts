import { createHash } from 'node:crypto';
import { migrate, PLATFORM_MIGRATIONS_DIR, readMigrations } from '../src';
import { databaseUrl, dropDatabases, MigrationsFolder, query, uniqueDatabase } from './support';

// The platform's own migrations, whatever they are today: every service database gets all of them.
const PLATFORM = readMigrations(PLATFORM_MIGRATIONS_DIR);
const PLATFORM_NAMES = PLATFORM.map((m) => m.name);
const BEFORE = '20200101000000_widgets';
// After the platform's migration, so it may build on the outbox table the platform creates.
const AFTER = '20990101000000_outbox_note';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('migrate()', () => {
  const databases: string[] = [];
  const folders: MigrationsFolder[] = [];
  const fresh = () => {
    const name = uniqueDatabase();
    databases.push(name);
    return name;
  };
  const folder = () => {
    const created = new MigrationsFolder();
    folders.push(created);
    return created;
  };

  afterAll(async () => {
    await dropDatabases(databases);
    folders.forEach((f) => f.remove());
  });

  describe('on a database that does not exist yet', () => {
    const database = fresh();
    const widgets = 'CREATE TABLE widget (id INT PRIMARY KEY);';
    const note = 'ALTER TABLE outbox ADD COLUMN note TEXT;';
    const migrations = folder().write(BEFORE, widgets).write(AFTER, note);

    it('creates it and applies the platform migrations merged with the service ones in timestamp order', async () => {
      const result = await migrate(databaseUrl(database), migrations.dir);
      expect(result).toEqual({
        database,
        created: true,
        applied: [BEFORE, ...PLATFORM_NAMES, AFTER],
        alreadyApplied: 0,
      });
      const columns = await query(
        database,
        `SELECT 1 FROM information_schema.columns
        WHERE table_name = 'outbox' AND column_name = 'note'`,
      );
      expect(columns).toHaveLength(1);
    });

    it('records each migration in _prisma_migrations with the sha-256 of its file', async () => {
      const rows = await query<{ migration_name: string; checksum: string; finished: boolean }>(
        database,
        `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished
         FROM _prisma_migrations ORDER BY migration_name`,
      );
      expect(rows).toEqual([
        { migration_name: BEFORE, checksum: sha256(widgets), finished: true },
        ...PLATFORM.map((m) => ({ migration_name: m.name, checksum: sha256(m.sql), finished: true })),
        { migration_name: AFTER, checksum: sha256(note), finished: true },
      ]);
    });

    it('applies nothing on a second run', async () => {
      const result = await migrate(databaseUrl(database), migrations.dir);
      const total = PLATFORM.length + 2;
      expect(result).toEqual({ database, created: false, applied: [], alreadyApplied: total });
      expect(await query(database, 'SELECT 1 FROM _prisma_migrations')).toHaveLength(total);
    });

    it('refuses to run when an applied migration was changed, naming it', async () => {
      migrations.write(BEFORE, `${widgets}\n-- edited afterwards`);
      await expect(migrate(databaseUrl(database), migrations.dir)).rejects.toThrow(
        `migration ${BEFORE} was changed after it was applied`,
      );
    });
  });

  it('rolls a failing migration back and records nothing for it', async () => {
    const database = fresh();
    const failing = '20990101000000_half_done';
    // The first statement succeeds, the second fails: the table must not survive.
    const migrations = folder().write(failing, 'CREATE TABLE half (id INT);\nSELECT 1 / 0;');
    await expect(migrate(databaseUrl(database), migrations.dir)).rejects.toThrow(
      `migration ${failing} failed: division by zero`,
    );
    expect(await query(database, `SELECT 1 FROM pg_tables WHERE tablename = 'half'`)).toEqual([]);
    const recorded = await query(database, 'SELECT migration_name FROM _prisma_migrations ORDER BY 1');
    // The platform migrations ran before it and stay applied; the failing one left no row.
    expect(recorded.map((r) => r.migration_name)).toEqual(PLATFORM_NAMES);
  });

  it('lets two runners migrate one database at once, applying each migration once', async () => {
    const database = fresh();
    const migrations = folder()
      .write(BEFORE, 'CREATE TABLE widget (id INT PRIMARY KEY);')
      .write(AFTER, 'ALTER TABLE outbox ADD COLUMN note TEXT;');
    // The database exists first, so this is about the advisory lock, not about who creates it.
    await migrate(databaseUrl(database), folder().dir);
    const results = await Promise.all([
      migrate(databaseUrl(database), migrations.dir),
      migrate(databaseUrl(database), migrations.dir),
    ]);
    // Without the lock both would try ALTER TABLE … ADD COLUMN note and one would fail.
    expect(results.flatMap((r) => r.applied).sort()).toEqual([BEFORE, AFTER]);
    const counts = await query<{ migration_name: string; n: string }>(
      database,
      'SELECT migration_name, count(*) AS n FROM _prisma_migrations GROUP BY migration_name ORDER BY 1',
    );
    expect(counts).toEqual([
      { migration_name: BEFORE, n: '1' },
      ...PLATFORM_NAMES.map((name) => ({ migration_name: name, n: '1' })),
      { migration_name: AFTER, n: '1' },
    ]);
  });

  it('lets two runners create a missing database at once; exactly one of them reports creating it', async () => {
    const database = fresh();
    const results = await Promise.all([
      migrate(databaseUrl(database), folder().dir),
      migrate(databaseUrl(database), folder().dir),
    ]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect(results.flatMap((r) => r.applied).sort()).toEqual([...PLATFORM_NAMES].sort());
  });
});
