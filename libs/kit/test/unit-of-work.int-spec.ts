import { UnitOfWork } from '../src';
import type { SqlTransaction } from '@platform/messaging';
import { throwawayDatabase, type ThrowawayDatabase } from './support';

const rollback = new Error('roll the outer transaction back');

describe('UnitOfWork', () => {
  let database: ThrowawayDatabase;
  let uow: UnitOfWork;

  const write = async (tx: SqlTransaction, note: string) =>
    tx.$executeRaw`INSERT INTO note (text) VALUES (${note})`;
  /** What another connection sees: only committed rows. */
  const committed = async () =>
    (await database.db.$queryRaw<{ text: string }[]>`SELECT text FROM note ORDER BY id`).map((r) => r.text);

  beforeAll(async () => {
    database = await throwawayDatabase('CREATE TABLE note (id SERIAL PRIMARY KEY, text TEXT NOT NULL)');
    uow = new UnitOfWork(database.db);
  });
  beforeEach(() => database.db.$executeRaw`TRUNCATE note`);
  afterAll(() => database.drop());

  it('commits a run outside any transaction on its own', async () => {
    await uow.run((tx: SqlTransaction) => write(tx, 'alone'));
    expect(await committed()).toEqual(['alone']);
  });

  it('lets run inside around join the same transaction, so the outer rollback undoes the inner write', async () => {
    let inner: SqlTransaction | undefined;
    const outer = uow.around(async (tx: SqlTransaction) => {
      await uow.run(async (joined: SqlTransaction) => {
        inner = joined;
        await write(joined, 'inner');
      });
      expect(inner).toBe(tx);
      // Not committed yet: nobody outside the transaction sees the inner write.
      expect(await committed()).toEqual([]);
      throw rollback;
    });
    await expect(outer).rejects.toBe(rollback);
    expect(await committed()).toEqual([]);
  });

  it('runs afterCommit hooks only once the transaction has committed', async () => {
    // The hook reads from another connection: it sees the write only if the commit happened before it ran.
    let seenByHook: Promise<string[]> | undefined;
    await uow.around(async (tx: SqlTransaction) => {
      await write(tx, 'done');
      uow.afterCommit(() => {
        seenByHook = committed();
      });
      expect(seenByHook).toBeUndefined();
    });
    expect(seenByHook).toBeDefined();
    expect(await seenByHook).toEqual(['done']);
  });

  it('never runs afterCommit hooks of a transaction that rolled back', async () => {
    const hook = jest.fn();
    await expect(
      uow.around(async (tx: SqlTransaction) => {
        await write(tx, 'lost');
        uow.afterCommit(hook);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(hook).not.toHaveBeenCalled();
    expect(await committed()).toEqual([]);
  });

  it('runs an afterCommit hook at once when there is no transaction', () => {
    const hook = jest.fn();
    uow.afterCommit(hook);
    expect(hook).toHaveBeenCalledTimes(1);
  });

  it('lets detached work escape the ambient transaction, so it survives the outer rollback', async () => {
    await expect(
      uow.around(async (tx: SqlTransaction) => {
        await write(tx, 'request');
        await uow.detached(() => uow.run((own: SqlTransaction) => write(own, 'denial')));
        // Committed already, while the request's transaction is still open.
        expect(await committed()).toEqual(['denial']);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(await committed()).toEqual(['denial']);
  });
});
