/**
 * Tells an error of the database's availability from an error of the statement. A consumer must wait (not
 * dead-letter) and an API must answer 503 (not 500) when the database cannot be reached: neither the event
 * nor the request is at fault. Recognised without importing any one service's Prisma client: Prisma's
 * connection error codes, the kinds of its driver adapters, PostgreSQL's SQLSTATE classes and Node's socket
 * errors, looked for along the error's `meta`/`cause` chain.
 */

/** Prisma: can't reach / timed out / server closed the connection / pool exhausted / no transaction slot. */
const PRISMA_UNAVAILABLE = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028']);
/** Kinds of @prisma/driver-adapter-utils errors that are about the connection, not the query. */
const ADAPTER_UNAVAILABLE = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
]);
/** 57P01-03: shut down by an administrator, crashed, starting up; 53300: too many connections. */
const SQLSTATE_UNAVAILABLE = new Set(['57P01', '57P02', '57P03', '53300']);
/** lock_timeout passed while waiting for a lock held by another transaction. */
const LOCK_NOT_AVAILABLE = '55P03';
/** Serialization failure, deadlock, lock not available: worth another try, never the event's fault. */
const SQLSTATE_CONTENTION = new Set(['40001', '40P01', LOCK_NOT_AVAILABLE]);
const SOCKET_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);
/** libs/persistence's pool had no connection free in time (PgDatabase): overloaded, like Prisma's P2024. */
export const POOL_TIMEOUT = 'POOL_TIMEOUT';
/** node-postgres reports a connection lost mid-query as a plain Error with this text. */
const LOST_CONNECTION = /Connection terminated|connection error|Can't reach database server/i;

interface ErrorLike {
  code?: unknown;
  kind?: unknown;
  originalCode?: unknown;
  message?: unknown;
  meta?: { driverAdapterError?: unknown };
  cause?: unknown;
}

/** The error and what it wraps (Prisma's driver adapter error, `cause`), a few levels deep. */
function chain(error: unknown): ErrorLike[] {
  const found: ErrorLike[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const e = current as ErrorLike;
    found.push(e);
    current = e.meta?.driverAdapterError ?? e.cause;
  }
  return found;
}

function sqlState(e: ErrorLike): string | undefined {
  const code = e.originalCode ?? e.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** True when the database could not be reached or dropped the connection: infrastructure, not input. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return chain(error).some((e) => {
    const state = sqlState(e);
    return (
      (typeof e.code === 'string' &&
        (PRISMA_UNAVAILABLE.has(e.code) || SOCKET_ERRORS.has(e.code) || e.code === POOL_TIMEOUT)) ||
      (typeof e.kind === 'string' && ADAPTER_UNAVAILABLE.has(e.kind)) ||
      (state !== undefined && (state.startsWith('08') || SQLSTATE_UNAVAILABLE.has(state))) ||
      (typeof e.message === 'string' && LOST_CONNECTION.test(e.message))
    );
  });
}

/** Unavailable, or lost a race with another transaction: retrying later is the answer. */
export function isTransientDatabaseError(error: unknown): boolean {
  if (isDatabaseUnavailable(error)) return true;
  return chain(error).some((e) => {
    const state = sqlState(e);
    return (
      e.code === 'P2034' ||
      e.kind === 'TransactionWriteConflict' ||
      (state !== undefined && SQLSTATE_CONTENTION.has(state))
    );
  });
}

/** A statement gave up waiting for a lock another transaction holds (lock_timeout). */
export function isLockNotAvailable(error: unknown): boolean {
  return chain(error).some((e) => sqlState(e) === LOCK_NOT_AVAILABLE);
}
