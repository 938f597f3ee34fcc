import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { migrate } from '@platform/persistence';
import { PgDatabase } from '@platform/persistence';

const SERVER = `postgresql://${process.env.DATABASE_USER ?? 'postgres'}@${process.env.DATABASE_HOST ?? '127.0.0.1'}:${
  process.env.DATABASE_PORT ?? '5432'
}`;

export interface ThrowawayDatabase {
  db: PgDatabase;
  drop(): Promise<void>;
}

/**
 * A database of its own, with only the platform's tables (migrated from an empty service migrations folder)
 * plus `setupSql`, reached through a plain pg adapter: the kit is tested without any service's Prisma client.
 */
export async function throwawayDatabase(setupSql: string): Promise<ThrowawayDatabase> {
  const name = `kit_test_${randomBytes(6).toString('hex')}`;
  const empty = mkdtempSync(join(tmpdir(), 'kit-migrations-'));
  try {
    await migrate(`${SERVER}/${name}`, empty);
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
  const db = new PgDatabase({ connectionString: `${SERVER}/${name}`, max: 5 });
  await db.pool.query(setupSql);
  return {
    db,
    async drop() {
      await db.$disconnect();
      const admin = new Client({ connectionString: `${SERVER}/postgres` });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Resolves when `count` sessions of this database wait for a lock: proof that a statement is blocked. */
export async function lockWaiters(db: PgDatabase, count: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [{ waiting }] = await db.$queryRaw<{ waiting: number }[]>`
      SELECT count(*)::int AS waiting FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    if (waiting >= count) return;
    if (Date.now() > deadline) throw new Error(`expected ${count} session(s) waiting for a lock`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A promise and the function that resolves it: lets a test hold a transaction open until it says so. */
export function gate(): { opened: Promise<void>; open(): void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}
