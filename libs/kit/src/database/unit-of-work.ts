import { AsyncLocalStorage } from 'node:async_hooks';
import { inTransaction, type SqlDatabase, type SqlTransaction } from '@platform/messaging';

interface Ambient {
  tx: SqlTransaction;
  afterCommit: (() => void)[];
}

/** Longest a request's transaction may run (Prisma's default of 5 s is short for a busy 2-core machine). */
const TRANSACTION_TIMEOUT_MS = 15_000;

/**
 * One transaction per request. A request that needs one around its whole handling (a POST with an
 * Idempotency-Key, whose key must commit with the effect) opens it with `around`; everything inside that
 * calls `run` joins it instead of opening a second one. Code never passes "am I in a transaction" around.
 */
export class UnitOfWork {
  private readonly ambient = new AsyncLocalStorage<Ambient>();

  constructor(private readonly db: SqlDatabase) {}

  /** Runs fn in the request's transaction if there is one, else in a new one. */
  run<R, T = SqlTransaction>(fn: (tx: T) => Promise<R>): Promise<R> {
    const current = this.ambient.getStore();
    if (current) return fn(current.tx as T);
    return this.around(fn);
  }

  /** Opens a transaction that `run` calls inside fn join; `afterCommit` hooks run once it committed. */
  async around<R, T = SqlTransaction>(fn: (tx: T) => Promise<R>): Promise<R> {
    const afterCommit: (() => void)[] = [];
    const result = await inTransaction(
      this.db,
      (tx) => this.ambient.run({ tx, afterCommit }, () => fn(tx as T)),
      { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 5_000 },
    );
    for (const hook of afterCommit) hook();
    return result;
  }

  /** Runs hook after the current transaction commits (at once when there is none). */
  afterCommit(hook: () => void): void {
    const current = this.ambient.getStore();
    if (current) current.afterCommit.push(hook);
    else hook();
  }

  /** Runs fn outside any request transaction: for what must commit even when the request fails (denials). */
  detached<R>(fn: () => Promise<R>): Promise<R> {
    return this.ambient.exit(fn);
  }
}
