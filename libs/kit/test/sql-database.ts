import { Pool, type PoolClient } from 'pg';
import type { SqlDatabase, SqlTransaction } from '@platform/messaging';

type Queryable = Pick<PoolClient, 'query'>;

/** A tagged template as one parameterised statement: every interpolation becomes $1, $2…, never text. */
function statement(strings: TemplateStringsArray, values: unknown[]): { text: string; values: unknown[] } {
  const text = strings.reduce((sql, part, i) => `${sql}$${i}${part}`);
  return { text, values };
}

function sqlOn(target: Queryable): SqlTransaction {
  return {
    async $executeRaw(strings: TemplateStringsArray, ...values: unknown[]) {
      return (await target.query(statement(strings, values))).rowCount ?? 0;
    },
    async $queryRaw<T = unknown>(strings: TemplateStringsArray, ...values: unknown[]) {
      return (await target.query(statement(strings, values))).rows as T;
    },
  };
}

/**
 * The slice of a Prisma client the shared libraries use ($executeRaw, $queryRaw, callback $transaction), over
 * plain `pg`: the kit is tested against a real database without any service's generated client (libs must
 * not import apps). It lives here, not in libs/testing, because libs/testing imports the kit (the service
 * harness): a kit test importing it would be a kit -> testing -> kit cycle, which the module-boundary rule
 * refuses. A transaction holds one pooled connection from BEGIN to
 * COMMIT, or ROLLBACK when fn throws, as Prisma's interactive transactions do. Prisma's timeout and maxWait
 * are accepted and not enforced: tests that need a bound set it in SQL.
 */
export class PgSqlDatabase implements SqlDatabase {
  readonly pool: Pool;
  private readonly direct: SqlTransaction;

  constructor(connectionString: string, max = 5) {
    this.pool = new Pool({ connectionString, max });
    this.direct = sqlOn(this.pool);
  }

  $executeRaw(strings: TemplateStringsArray, ...values: unknown[]): Promise<number> {
    return this.direct.$executeRaw(strings, ...values) as Promise<number>;
  }

  $queryRaw<T = unknown>(strings: TemplateStringsArray, ...values: unknown[]): Promise<T> {
    return this.direct.$queryRaw<T>(strings, ...values) as Promise<T>;
  }

  async $transaction<R>(
    fn: (tx: SqlTransaction) => Promise<R>,
    _options?: { timeout?: number; maxWait?: number },
  ): Promise<R> {
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
