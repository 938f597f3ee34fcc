import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

// These tests need only PostgreSQL (the stack's server on 127.0.0.1:5432, trust auth), so they build their URLs
// here instead of importing @platform/testing, which itself depends on this library.
const host = process.env.DATABASE_HOST ?? '127.0.0.1';
const port = process.env.DATABASE_PORT ?? '5432';
const user = process.env.DATABASE_USER ?? 'postgres';

export const databaseUrl = (database: string) => `postgresql://${user}@${host}:${port}/${database}`;

/** A database name no other test run uses; the database itself is not created (migrate() does that). */
export function uniqueDatabase(prefix = 'persistence_test'): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

/** Runs SQL against one database and closes the connection. */
export async function query<T extends object = Record<string, unknown>>(
  database: string,
  sql: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl(database) });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

export async function dropDatabases(names: string[]): Promise<void> {
  for (const name of names) await query('postgres', `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

/** A temporary folder in Prisma's migrations format: `<dir>/<name>/migration.sql`. */
export class MigrationsFolder {
  readonly dir = mkdtempSync(join(tmpdir(), 'migrations-'));

  write(name: string, sql: string): this {
    mkdirSync(join(this.dir, name), { recursive: true });
    writeFileSync(join(this.dir, name, 'migration.sql'), sql);
    return this;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
