/**
 * The slice of a Prisma client the messaging tables need. Outbox and inbox are written with raw SQL so
 * this library does not depend on any one service's generated client; the
 * tables come from the platform migrations in libs/persistence/platform.
 */
export interface SqlTransaction {
  $executeRaw(query: TemplateStringsArray, ...values: unknown[]): PromiseLike<number>;
  $queryRaw<T = unknown>(query: TemplateStringsArray, ...values: unknown[]): PromiseLike<T>;
  /** A write sent just before COMMIT with the others (PgTransaction.defer); absent on Prisma's clients. */
  defer?(build: () => { text: string; values: unknown[] }): Promise<void>;
}

export interface SqlDatabase extends SqlTransaction {
  /** Prisma's $transaction is overloaded; we only use its callback form, through inTransaction(). */
  $transaction(...args: never[]): Promise<unknown>;
}

interface CallbackTransactions {
  $transaction<R>(
    fn: (tx: SqlTransaction) => Promise<R>,
    options?: { timeout?: number; maxWait?: number },
  ): Promise<R>;
}

/** Runs fn in a transaction of any Prisma-like client, typed as our narrow SqlTransaction. */
export function inTransaction<R>(
  db: SqlDatabase,
  fn: (tx: SqlTransaction) => Promise<R>,
  options?: { timeout?: number; maxWait?: number },
): Promise<R> {
  return (db as unknown as CallbackTransactions).$transaction(fn, options);
}
