import type { PgDatabase } from '@platform/persistence';
import type { LedgerColumns } from './domain/chain';

/** An instant column as `Date.prototype.toISOString` writes it (UTC, milliseconds, `Z`). */
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A row of the cursor in array mode (pg wants a mutable array type). */
type ScanRow = [...LedgerColumns];

/**
 * The whole chain in seq order, a page at a time, without holding it in memory: a cursor in one read-only
 * REPEATABLE READ transaction (one snapshot: appends running meanwhile are not half seen), the next page
 * fetched while the caller hashes this one. Instants come formatted as toISOString() writes them (to_char in
 * the database), so a million rows cost no Date objects. Rows come as arrays of their columns (LedgerColumns, the
 * SELECT's order), hashed as they are. Pages are small so that a page is garbage before the young generation
 * (4 MB semi-space, SERVICE_NODE_OPTIONS) fills: pages of 10 000 rows survived into the old generation and the
 * collector took a quarter of verify (docs/performance.md).
 */
export async function* scanLedger(db: PgDatabase, pageSize = 1_000): AsyncGenerator<LedgerColumns[]> {
  const client = await db.pool.connect();
  let broken = false;
  let next: Promise<{ rows: ScanRow[] }> | undefined;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(`DECLARE ledger_scan NO SCROLL CURSOR FOR
      SELECT seq::text, event_id, service, ${iso('occurred_at')}, ${iso('recorded_at')}, actor_subject,
        actor_client_id, actor_org_type, actor_org_code, actor_roles, action, resource_type, resource_id,
        citizen_pseudonym, purpose, outcome, request_id, prev_hash, hash
      FROM audit_ledger ORDER BY audit_ledger.seq`); // the column, not the output's seq (text sorts 1, 10, 2)
    const fetch = () =>
      client.query<ScanRow>({ text: `FETCH ${pageSize} FROM ledger_scan`, rowMode: 'array' });
    next = fetch();
    for (;;) {
      const { rows } = await next;
      if (rows.length === 0) break;
      next = fetch();
      yield rows;
    }
  } catch (error) {
    broken = true;
    throw error;
  } finally {
    // The prefetch is still in flight when the caller stopped early (a broken row): let it land first.
    await next?.catch(() => undefined);
    await client.query('ROLLBACK').catch(() => (broken = true));
    client.release(broken);
  }
}
