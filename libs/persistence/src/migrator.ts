import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { parseDatabaseUrl } from './database-url';

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  database: string;
  created: boolean;
  applied: string[];
  alreadyApplied: number;
}

/** An arbitrary but fixed key for the advisory lock, so two runners never migrate one database at once. */
const LOCK_KEY = 72_707_369;
const CREATED_MEANWHILE = ['42P04', '23505'];

/** The platform's migrations (outbox, inbox, idempotency keys), applied to every service's database. */
export const PLATFORM_MIGRATIONS_DIR = platformMigrationsDir(__dirname);

/** libs/persistence/platform/migrations, from the sources or from a build under dist/ (the nearest one up). */
function platformMigrationsDir(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    for (const candidate of [join(dir, 'platform'), join(dir, 'libs', 'persistence', 'platform')]) {
      if (existsSync(join(candidate, 'platform.prisma'))) return join(candidate, 'migrations');
    }
    if (dirname(dir) === dir) throw new Error(`libs/persistence/platform not found above ${from}`);
  }
}

/**
 * What a service's database gets: its own migrations and the platform's, merged in timestamp order, so the
 * shared tables come from one source and a service's later migration may build on them.
 */
export function serviceMigrations(migrationsDir: string): MigrationFile[] {
  return [...readMigrations(PLATFORM_MIGRATIONS_DIR), ...readMigrations(migrationsDir)].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
}

/** Migrations in Prisma's folder format: `<dir>/<timestamp>_<name>/migration.sql`, in name order. */
export function readMigrations(migrationsDir: string): MigrationFile[] {
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(migrationsDir, e.name, 'migration.sql')))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(migrationsDir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Applies pending migrations (the service's and the platform's, see serviceMigrations), each in its own transaction, and records them in `_prisma_migrations` with
 * Prisma's own columns (so `prisma migrate deploy` keeps working where its engine exists). Creates the
 * database when it is missing. Refuses to run when an applied migration's file has changed since.
 */
export async function migrate(databaseUrl: string, migrationsDir: string): Promise<MigrateResult> {
  const created = await ensureDatabase(databaseUrl);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(MIGRATIONS_TABLE);
    const applied = await appliedChecksums(client);
    const done: string[] = [];
    for (const migration of serviceMigrations(migrationsDir)) {
      const checksum = applied.get(migration.name);
      if (checksum && checksum !== migration.checksum) {
        throw new Error(
          `migration ${migration.name} was changed after it was applied; add a new migration instead`,
        );
      }
      if (checksum) continue;
      await apply(client, migration);
      done.push(migration.name);
    }
    return {
      database: parseDatabaseUrl(databaseUrl).database,
      created,
      applied: done,
      alreadyApplied: applied.size,
    };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

async function ensureDatabase(databaseUrl: string): Promise<boolean> {
  const { database, adminUrl } = parseDatabaseUrl(databaseUrl);
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount) return false;
    try {
      await admin.query(`CREATE DATABASE "${database}"`);
      return true;
    } catch (error) {
      // Created meanwhile by another runner: 42P04 when it had committed, 23505 when both raced in the catalog.
      if (!CREATED_MEANWHILE.includes((error as { code?: string }).code ?? '')) throw error;
      return false;
    }
  } finally {
    await admin.end();
  }
}

async function appliedChecksums(client: Client): Promise<Map<string, string>> {
  const rows = await client.query<{ migration_name: string; checksum: string }>(
    'SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
  );
  return new Map(rows.rows.map((r) => [r.migration_name, r.checksum]));
}

async function apply(client: Client, migration: MigrationFile): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(migration.sql);
    await client.query(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), now(), 1)`,
      [randomUUID(), migration.checksum, migration.name],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw new Error(`migration ${migration.name} failed: ${(error as Error).message}`);
  }
}

const MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS _prisma_migrations (
  id                  VARCHAR(36) PRIMARY KEY NOT NULL,
  checksum            VARCHAR(64) NOT NULL,
  finished_at         TIMESTAMPTZ,
  migration_name      VARCHAR(255) NOT NULL,
  logs                TEXT,
  rolled_back_at      TIMESTAMPTZ,
  started_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
  applied_steps_count INTEGER NOT NULL DEFAULT 0
)`;
