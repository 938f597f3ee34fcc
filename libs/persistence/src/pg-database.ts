import { Pool, types, type PoolClient, type QueryResult, type QueryResultRow } from 'pg';

/**
 * The database client of the request path: `pg` directly, behind the same narrow interface the kit's parts
 * use (`$executeRaw`/`$queryRaw` tagged templates, callback `$transaction`), so the unit of work, the
 * idempotency claim, the outbox and the audit trail commit in one pg transaction. It exists because the
 * Prisma client and its driver adapter cost ~40 % of a create's CPU (docs/performance.md); Prisma stays the
 * schema and migration source, and its generated types type the rows.
 *
 * Structurally compatible with `SqlDatabase`/`SqlTransaction` of @platform/messaging (this library must not
 * import it: messaging is built on persistence's tables, not the other way round).
 */

export interface SqlStatement {
  text: string;
  values: unknown[];
}

export interface TransactionOptions {
  /** Longest the transaction may run; later statements and the commit are refused after it (ms). */
  timeout?: number;
  /** Longest to wait for a pooled connection (ms). */
  maxWait?: number;
}

/** Thrown for a transaction that ran past its timeout: it is rolled back, nothing of it commits. */
export class TransactionTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`transaction ran longer than ${timeoutMs} ms and was rolled back`);
    this.name = 'TransactionTimeoutError';
  }
}

/**
 * A tagged template as one parameterised statement: every interpolation becomes $1, $2…, never SQL text.
 * A Date is sent as its UTC ISO string: pg would otherwise write the process's local time, which a DATE
 * column truncates to the wrong day west of UTC.
 */
export function sql(strings: TemplateStringsArray, values: unknown[]): SqlStatement {
  let text = strings[0];
  for (let i = 1; i < strings.length; i++) text += `$${i}${strings[i]}`;
  return { text, values: values.map(param) };
}

export function param(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

const DATE_OID = 1082;
/**
 * Values as Prisma returns them: a DATE is midnight UTC of that day (pg's default is local midnight), the
 * rest is pg's default (timestamptz → Date, int8 → string, json → parsed, arrays → arrays).
 */
const typeParsers = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === DATE_OID && format !== 'binary'
      ? (value: string) => new Date(`${value}T00:00:00Z`)
      : types.getTypeParser(oid, format)) as typeof types.getTypeParser,
};

type Queryable = Pick<PoolClient, 'query'>;

/**
 * Several writes as one statement: `WITH d0 AS (…), d1 AS (…) SELECT 1`, parameters renumbered. The parts run
 * on one snapshot and in no defined order, so they must not depend on each other (see PgTransaction.defer).
 */
export function combineWrites(statements: readonly SqlStatement[]): SqlStatement {
  if (statements.length === 1) return statements[0];
  const values: unknown[] = [];
  const parts = statements.map((statement, i) => {
    const offset = values.length;
    values.push(...statement.values);
    return `d${i} AS (${statement.text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`)})`;
  });
  return { text: `WITH ${parts.join(', ')} SELECT 1`, values };
}

/** Statements on one connection (a transaction) or on the pool (each statement on its own). */
export class PgTransaction {
  /** Writes waiting for COMMIT; null on the pool, where a deferred write runs at once. */
  private readonly deferred: (() => SqlStatement)[] | null;
  /** In a transaction: whether BEGIN is on its way (it goes out with the first statement). */
  private begun = false;

  constructor(
    protected readonly target: Queryable,
    private readonly beforeStatement: () => void = () => undefined,
    inTransaction = false,
  ) {
    this.deferred = inTransaction ? [] : null;
  }

  /**
   * A write nothing in this transaction reads back (an outbox row, the stored idempotent response): it is sent
   * with COMMIT, together with the other deferred writes as one statement, which saves a database round trip
   * per write on the request path (docs/performance.md). Deferred writes must not depend on each other.
   * `build` is called at that moment, so a writer can still add rows to its statement until then.
   */
  async defer(build: () => SqlStatement): Promise<void> {
    if (this.deferred) this.deferred.push(build);
    else await this.query(build());
  }

  /** Runs a statement; the number of rows it touched. */
  async $executeRaw(strings: TemplateStringsArray, ...values: unknown[]): Promise<number> {
    return (await this.query(sql(strings, values))).rowCount ?? 0;
  }

  /** Runs a query; its rows, typed by the caller. */
  async $queryRaw<T = unknown>(strings: TemplateStringsArray, ...values: unknown[]): Promise<T> {
    return (await this.query(sql(strings, values))).rows as T;
  }

  /** A statement built elsewhere (a repository's column list); values are parameters, never text. */
  query<R extends QueryResultRow = QueryResultRow>(statement: SqlStatement): Promise<QueryResult<R>> {
    this.beforeStatement();
    const send = () => this.target.query<R>(statement.text, statement.values.map(param));
    if (!this.deferred || this.begun) return send();
    this.begun = true;
    return inOneWrite(this.target, () => lastResult([this.target.query('BEGIN')], send()));
  }

  /**
   * Ends the transaction (`$transaction` calls it after `fn`): the deferred writes (one statement) and COMMIT
   * in one round trip, with BEGIN too when nothing was sent before. A transaction that sent nothing and deferred
   * nothing costs no round trip at all.
   */
  async commit(): Promise<void> {
    const writes = (this.deferred ?? []).splice(0).map((build) => build());
    if (!this.begun && writes.length === 0) return;
    this.beforeStatement();
    await inOneWrite(this.target, () => {
      const sent = this.begun ? [] : [this.target.query('BEGIN')];
      this.begun = true;
      if (writes.length > 0) {
        const combined = combineWrites(writes);
        sent.push(this.target.query(combined.text, combined.values.map(param)));
      }
      // After a failed deferred write the server answers this COMMIT with ROLLBACK; the write's error is thrown.
      return lastResult(sent, this.target.query('COMMIT'));
    });
  }

  /** Ends the transaction without its changes, when it had begun (`$transaction`, when `fn` or COMMIT threw). */
  async rollback(): Promise<void> {
    if (this.begun) await this.target.query('ROLLBACK');
  }
}

/**
 * Statements sent together: their messages leave in one write to the socket (pg's pipeline mode sends a query
 * without waiting for the one before; corking the socket joins them), so BEGIN and the first statement, or the
 * deferred writes and COMMIT, cost one round trip instead of two. On this machine a round trip's system calls
 * and wake-ups were the largest item of a create's CPU profile (docs/performance.md).
 */
function inOneWrite<T>(target: Queryable, send: () => T): T {
  const socket = (target as { connection?: { stream?: { cork?(): void; uncork?(): void } } }).connection
    ?.stream;
  socket?.cork?.();
  try {
    return send();
  } finally {
    socket?.uncork?.();
  }
}

/** `last`'s result once every one of `first` succeeded too; the first failure otherwise (none left unhandled). */
async function lastResult<T>(first: Promise<unknown>[], last: Promise<T>): Promise<T> {
  const results = await Promise.all([...first, last]);
  return results.at(-1) as T;
}

export interface PgDatabaseOptions {
  connectionString: string;
  /** Connections in the pool (the kit's DATABASE_POOL_SIZE). */
  max: number;
  /** Shown in pg_stat_activity. */
  applicationName?: string;
}

/**
 * The pool, and transactions on it: BEGIN … COMMIT on one connection, ROLLBACK when fn throws. BEGIN leaves
 * with the transaction's first statement and COMMIT with its deferred writes (PgTransaction).
 */
export class PgDatabase extends PgTransaction {
  readonly pool: Pool;

  constructor(options: PgDatabaseOptions) {
    const pool = new Pool({
      connectionString: options.connectionString,
      max: options.max,
      application_name: options.applicationName,
      types: typeParsers,
      // A query is sent without waiting for the one before it to finish (PgTransaction joins BEGIN and COMMIT
      // to their neighbours); the server still runs them in order, each after the one before.
      pipeline: true,
    });
    super(pool);
    this.pool = pool;
    // An idle connection that breaks (server restart) emits here; without a listener it would end the process.
    pool.on('error', () => undefined);
  }

  async $transaction<R>(fn: (tx: PgTransaction) => Promise<R>, options: TransactionOptions = {}): Promise<R> {
    const client = await this.connect(options.maxWait);
    // A connection the server ends between two statements (restart, pg_terminate_backend) emits 'error' on
    // the checked-out client, which nothing else listens to then; the next statement fails and rolls back.
    let lost: Error | undefined;
    const onError = (error: Error) => (lost = error);
    client.on('error', onError);
    const deadline = options.timeout === undefined ? Infinity : Date.now() + options.timeout;
    const checkDeadline = () => {
      if (Date.now() > deadline) throw new TransactionTimeoutError(options.timeout!);
    };
    let broken = false;
    const tx = new PgTransaction(client, checkDeadline, true);
    try {
      const result = await fn(tx);
      await tx.commit();
      return result;
    } catch (error) {
      await tx.rollback().catch(() => {
        broken = true; // the connection is gone or unusable: do not hand it out again
      });
      throw error;
    } finally {
      client.off('error', onError);
      client.release(broken || lost !== undefined);
    }
  }

  $disconnect(): Promise<void> {
    return this.pool.end();
  }

  private async connect(maxWait: number | undefined): Promise<PoolClient> {
    if (maxWait === undefined) return this.pool.connect();
    let timer: NodeJS.Timeout | undefined;
    const connecting = this.pool.connect();
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        // The code makes it a 503 with Retry-After (libs/messaging isDatabaseUnavailable), not a 500.
        () =>
          reject(
            Object.assign(new Error(`no database connection free within ${maxWait} ms`), {
              code: 'POOL_TIMEOUT',
            }),
          ),
        maxWait,
      );
    });
    try {
      return await Promise.race([connecting, timeout]);
    } catch (error) {
      // The connection may still arrive after the timeout: give it back to the pool then.
      void connecting.then((client) => client.release()).catch(() => undefined);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}
