import { Socket } from 'node:net';
import { PgDatabase, TransactionTimeoutError, type PgTransaction } from '../src/pg-database';
import { databaseUrl, dropDatabases, query, uniqueDatabase } from './support';

/**
 * The request path's transactions (PgDatabase): BEGIN leaves with the first statement and COMMIT with the
 * deferred writes, each pair in one write to the socket, and what a transaction does still commits or rolls
 * back as a whole.
 */
describe('PgDatabase transactions', () => {
  const database = uniqueDatabase('pg_database_test');
  let db: PgDatabase;

  beforeAll(async () => {
    await query('postgres', `CREATE DATABASE "${database}"`);
    await query(database, 'CREATE TABLE item (id int PRIMARY KEY, name text NOT NULL)');
    db = new PgDatabase({ connectionString: databaseUrl(database), max: 2 });
  });
  afterAll(async () => {
    await db.$disconnect();
    await dropDatabases([database]);
  });

  const names = async (ids: number[]) =>
    (
      await query<{ name: string }>(database, 'SELECT name FROM item WHERE id = ANY($1) ORDER BY id', [ids])
    ).map((r) => r.name);
  const insert = (tx: PgTransaction, id: number, name: string) =>
    tx.$executeRaw`INSERT INTO item (id, name) VALUES (${id}, ${name})`;
  const deferInsert = (tx: PgTransaction, id: number, name: string) =>
    tx.defer(() => ({ text: 'INSERT INTO item (id, name) VALUES ($1, $2)', values: [id, name] }));

  /**
   * Writes handed to the kernel by any socket while `fn` runs (the pool's connections are the only sockets it
   * uses): a stream calls `_write` or `_writev` once per flush, and a corked socket flushes once at uncork.
   */
  async function socketWrites<R>(fn: () => Promise<R>): Promise<{ result: R; writes: number }> {
    const socket = Socket.prototype as unknown as Record<'_write' | '_writev', (...args: unknown[]) => void>;
    const spies = [jest.spyOn(socket, '_write'), jest.spyOn(socket, '_writev')];
    try {
      const result = await fn();
      return { result, writes: spies.reduce((sum, spy) => sum + spy.mock.calls.length, 0) };
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  }

  it('commits the statements and the deferred writes together', async () => {
    const seen = await db.$transaction(async (tx) => {
      await insert(tx, 1, 'first');
      await deferInsert(tx, 2, 'deferred');
      return tx.$queryRaw<{ name: string }[]>`SELECT name FROM item WHERE id = ${1}`;
    });
    expect(seen).toEqual([{ name: 'first' }]);
    expect(await names([1, 2])).toEqual(['first', 'deferred']);
  });

  it('runs the first statement inside the transaction it begins', async () => {
    const [first, second] = await db.$transaction(async (tx) => [
      await tx.$queryRaw<{ xid: string }[]>`SELECT pg_current_xact_id()::text AS xid`,
      await tx.$queryRaw<{ xid: string }[]>`SELECT pg_current_xact_id()::text AS xid`,
    ]);
    expect(first[0].xid).toBe(second[0].xid);
  });

  it('keeps nothing when the function throws after writing', async () => {
    await expect(
      db.$transaction(async (tx) => {
        await insert(tx, 10, 'written');
        await deferInsert(tx, 11, 'deferred');
        throw new Error('the caller changed its mind');
      }),
    ).rejects.toThrow('the caller changed its mind');
    expect(await names([10, 11])).toEqual([]);
  });

  it('keeps nothing when a deferred write fails at commit, and throws that write’s error', async () => {
    await expect(
      db.$transaction(async (tx) => {
        await insert(tx, 20, 'written');
        await deferInsert(tx, 20, 'the same key again');
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect(await names([20])).toEqual([]);
  });

  it('keeps nothing when the first statement fails, and the connection serves the next transaction', async () => {
    await expect(
      db.$transaction(async (tx) => {
        await tx.$executeRaw`INSERT INTO item (id, name) VALUES (${30}, ${null})`;
      }),
    ).rejects.toMatchObject({ code: '23502' });
    for (let i = 0; i < 3; i++) {
      await db.$transaction((tx) => insert(tx, 31 + i, `after ${i}`));
    }
    expect(await names([30, 31, 32, 33])).toEqual(['after 0', 'after 1', 'after 2']);
  });

  it('commits deferred writes of a transaction that sent nothing else (BEGIN, writes and COMMIT at once)', async () => {
    await db.$transaction((tx) => deferInsert(tx, 40, 'only deferred'));
    expect(await names([40])).toEqual(['only deferred']);
  });

  it('refuses the commit of a transaction past its timeout, and keeps nothing of it', async () => {
    await expect(
      db.$transaction(
        async (tx) => {
          await insert(tx, 50, 'too late');
          await new Promise((r) => setTimeout(r, 60));
        },
        { timeout: 20 },
      ),
    ).rejects.toBeInstanceOf(TransactionTimeoutError);
    expect(await names([50])).toEqual([]);
  });

  it('sends BEGIN with the first statement and COMMIT with the deferred writes: two writes, not four', async () => {
    await db.$transaction((tx) => insert(tx, 60, 'warm-up')); // a connection in the pool, so none is opened below
    const { writes } = await socketWrites(() =>
      db.$transaction(async (tx) => {
        await insert(tx, 61, 'statement');
        await deferInsert(tx, 62, 'deferred');
      }),
    );
    expect(writes).toBe(2);
    expect(await names([61, 62])).toEqual(['statement', 'deferred']);
  });

  it('costs no round trip for a transaction that neither sent nor deferred anything', async () => {
    await db.$transaction((tx) => insert(tx, 70, 'warm-up'));
    const { result, writes } = await socketWrites(() => db.$transaction(async () => 'nothing to do'));
    expect(result).toBe('nothing to do');
    expect(writes).toBe(0);
  });
});
