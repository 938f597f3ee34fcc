import { Pool, type PoolClient } from 'pg';
import type { SqlDatabase, SqlTransaction } from '../../src/sql-client';

/** A tagged template as one parameterised statement: every interpolation becomes $1, $2…, never text. */
function statement(strings: TemplateStringsArray, values: unknown[]) {
  return { text: strings.reduce((sql, part, i) => `${sql}$${i}${part}`), values };
}

function sqlOn(target: Pick<PoolClient, 'query'>): SqlTransaction {
  return {
    $executeRaw: async (strings, ...values) => (await target.query(statement(strings, values))).rowCount ?? 0,
    $queryRaw: async <T>(strings: TemplateStringsArray, ...values: unknown[]) =>
      (await target.query(statement(strings, values))).rows as T,
  };
}

/**
 * The slice of a Prisma client libs/messaging uses, over plain `pg`: a library's tests may not import a
 * service's generated client. A transaction holds one pooled connection from BEGIN to COMMIT (ROLLBACK when
 * fn throws), as Prisma's interactive transactions do.
 */
export class PgDatabase implements SqlDatabase {
  private readonly pool: Pool;
  private readonly direct: SqlTransaction;

  constructor(connectionString: string, max = 8) {
    this.pool = new Pool({ connectionString, max });
    this.direct = sqlOn(this.pool);
  }

  $executeRaw(strings: TemplateStringsArray, ...values: unknown[]): PromiseLike<number> {
    return this.direct.$executeRaw(strings, ...values);
  }

  $queryRaw<T = unknown>(strings: TemplateStringsArray, ...values: unknown[]): PromiseLike<T> {
    return this.direct.$queryRaw<T>(strings, ...values);
  }

  async $transaction<R>(fn: (tx: SqlTransaction) => Promise<R>): Promise<R> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(sqlOn(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  $disconnect(): Promise<void> {
    return this.pool.end();
  }
}
