import { IdempotencyStore, type ClaimResult } from '../src';
import type { SqlTransaction } from '@platform/messaging';
import { gate, lockWaiters, throwawayDatabase, type ThrowawayDatabase } from './support';

const CALLER = 'MUNICIPALITY:101:caseworker';
const RESPONSE = {
  status: 201,
  body: { id: 'r-1', status: 'DRAFT' },
  headers: { etag: 'W/"1"', location: '/r/1' },
};

describe('IdempotencyStore', () => {
  const store = new IdempotencyStore();
  let database: ThrowawayDatabase;

  /**
   * What the idempotency interceptor does, in one transaction: claim the key; on `new`, have the effect (a row
   * in `effect`) and store the response. `hold` runs after the effect, with the key claimed and nothing
   * committed, and keeps the transaction open until it resolves; `fail` then rolls it back, as a handler that
   * throws does.
   */
  function request(
    caller: string,
    key: string,
    hash: string,
    options: { hold?: () => Promise<void>; fail?: boolean } = {},
  ): Promise<ClaimResult> {
    return database.db.$transaction(async (tx: SqlTransaction) => {
      const claim = await store.claim(tx, caller, key, hash);
      if (claim.kind !== 'new') return claim;
      await tx.$executeRaw`INSERT INTO effect (caller, key) VALUES (${caller}, ${key})`;
      await options.hold?.();
      if (options.fail) throw new Error('the handler failed');
      await store.complete(tx, caller, key, RESPONSE);
      return claim;
    });
  }
  const effects = async () => (await database.db.$queryRaw<unknown[]>`SELECT 1 FROM effect`).length;

  beforeAll(async () => {
    database = await throwawayDatabase('CREATE TABLE effect (id SERIAL PRIMARY KEY, caller TEXT, key TEXT)');
  });
  beforeEach(() => database.db.$executeRaw`TRUNCATE effect, idempotent_request`);
  afterAll(() => database.drop());

  it('replays the stored status, body and headers for the same request with the same key', async () => {
    expect(await request(CALLER, 'key-00001', 'hash-a')).toEqual({ kind: 'new' });
    expect(await request(CALLER, 'key-00001', 'hash-a')).toEqual({ kind: 'replay', ...RESPONSE });
    expect(await effects()).toBe(1);
  });

  it('reports a mismatch when the key comes back with a different request', async () => {
    await request(CALLER, 'key-00001', 'hash-a');
    expect(await request(CALLER, 'key-00001', 'hash-b')).toEqual({ kind: 'mismatch' });
    expect(await effects()).toBe(1);
  });

  it('keeps keys per caller: another caller with the same key is a new request', async () => {
    await request(CALLER, 'key-00001', 'hash-a');
    expect(await request('MUNICIPALITY:202:caseworker', 'key-00001', 'hash-a')).toEqual({ kind: 'new' });
    expect(await effects()).toBe(2);
  });

  it('claims an expired key anew, for the new request', async () => {
    await request(CALLER, 'key-00001', 'hash-a');
    await database.db.$executeRaw`UPDATE idempotent_request SET expires_at = now() - interval '1 second'`;
    expect(await request(CALLER, 'key-00001', 'hash-b')).toEqual({ kind: 'new' });
    const [row] = await database.db.$queryRaw<{ request_hash: string; live: boolean }[]>`
      SELECT request_hash, expires_at > now() AS live FROM idempotent_request`;
    expect(row).toEqual({ request_hash: 'hash-b', live: true });
    expect(await effects()).toBe(2);
  });

  it('sweeps expired keys only', async () => {
    await request(CALLER, 'key-expired', 'hash-a');
    await request(CALLER, 'key-current', 'hash-a');
    await database.db.$executeRaw`
      UPDATE idempotent_request SET expires_at = now() - interval '1 second' WHERE key = 'key-expired'`;
    expect(await database.db.$transaction((tx: SqlTransaction) => store.sweep(tx))).toBe(1);
    const keys = await database.db.$queryRaw<{ key: string }[]>`SELECT key FROM idempotent_request`;
    expect(keys).toEqual([{ key: 'key-current' }]);
  });

  describe('two parallel requests with one key', () => {
    /** `claimed` resolves when the first request has its key and effect, uncommitted; `release` lets it end. */
    function holdFirst() {
      const claimed = gate();
      const released = gate();
      const hold = async () => {
        claimed.open();
        await released.opened;
      };
      return { claimed: claimed.opened, release: released.open, hold };
    }

    it('makes the second wait for the first to commit, then replays it: one effect', async () => {
      const { claimed, release, hold } = holdFirst();
      const firstDone = request(CALLER, 'key-00001', 'hash-a', { hold });
      await claimed;
      const second = request(CALLER, 'key-00001', 'hash-a');
      // The second claim is blocked on the first's uncommitted key, not answered from nothing.
      await lockWaiters(database.db, 1);
      release();
      expect(await firstDone).toEqual({ kind: 'new' });
      expect(await second).toEqual({ kind: 'replay', ...RESPONSE });
      expect(await effects()).toBe(1);
    });

    it('gives the second the key when the first rolls back: still one effect', async () => {
      const { claimed, release, hold } = holdFirst();
      const firstDone = request(CALLER, 'key-00001', 'hash-a', { hold, fail: true });
      await claimed;
      const second = request(CALLER, 'key-00001', 'hash-a');
      await lockWaiters(database.db, 1);
      release();
      await expect(firstDone).rejects.toThrow('the handler failed');
      expect(await second).toEqual({ kind: 'new' });
      const rows = await database.db.$queryRaw<unknown[]>`SELECT 1 FROM idempotent_request`;
      expect(rows).toHaveLength(1);
      expect(await effects()).toBe(1);
    });
  });
});
