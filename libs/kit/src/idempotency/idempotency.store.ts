import type { SqlTransaction } from '@platform/messaging';

/** How long a completed key answers with its first response (documented in docs/architecture.md). */
export const IDEMPOTENCY_RETENTION_HOURS = 24;
/** How long a second request with a key waits for the first one's transaction before answering 409. */
const CLAIM_WAIT = '10s';

export type ClaimResult =
  | { kind: 'new' }
  | { kind: 'replay'; status: number; body: unknown; headers: Record<string, string> }
  | { kind: 'mismatch' };

interface StoredRequest {
  request_hash: string;
  response_status: number;
  response_body: unknown;
  response_headers: Record<string, string>;
  expired: boolean;
}

/**
 * The `idempotent_request` table (from the platform migrations in libs/persistence), always used inside the
 * transaction of the request's effect: the claim, the effect and the stored response commit together or not
 * at all. An uncommitted claim is invisible to others, who wait on it (at most CLAIM_WAIT), so a crash leaves
 * no key behind and two parallel requests with one key have one effect.
 */
export class IdempotencyStore {
  async claim(tx: SqlTransaction, caller: string, key: string, requestHash: string): Promise<ClaimResult> {
    // One round trip: the lock timeout is set (for this transaction) by the row source, before the insert
    // can wait on another request's uncommitted claim of the same key.
    const inserted = await tx.$executeRaw`
      INSERT INTO idempotent_request
        (caller, key, request_hash, response_status, response_body, response_headers, created_at, expires_at)
      SELECT ${caller}, ${key}, ${requestHash}, 0, 'null'::jsonb, '{}'::jsonb, now(),
             now() + make_interval(hours => ${IDEMPOTENCY_RETENTION_HOURS})
      FROM (SELECT set_config('lock_timeout', ${CLAIM_WAIT}, true)) AS claim_wait
      ON CONFLICT DO NOTHING`;
    if (inserted === 1) return { kind: 'new' };
    const [stored] = await tx.$queryRaw<StoredRequest[]>`
      SELECT request_hash, response_status, response_body, response_headers, expires_at < now() AS expired
      FROM idempotent_request WHERE caller = ${caller} AND key = ${key} FOR UPDATE`;
    if (!stored) return this.claim(tx, caller, key, requestHash); // expired and swept meanwhile
    if (stored.expired) {
      await tx.$executeRaw`DELETE FROM idempotent_request WHERE caller = ${caller} AND key = ${key}`;
      return this.claim(tx, caller, key, requestHash);
    }
    if (stored.request_hash !== requestHash) return { kind: 'mismatch' };
    return {
      kind: 'replay',
      status: stored.response_status,
      body: stored.response_body,
      headers: stored.response_headers,
    };
  }

  async complete(
    tx: SqlTransaction,
    caller: string,
    key: string,
    response: { status: number; body: unknown; headers: Record<string, string> },
  ): Promise<void> {
    const statement = {
      text: `UPDATE idempotent_request SET response_status = $1, response_body = $2::jsonb, response_headers = $3::jsonb
             WHERE caller = $4 AND key = $5`,
      values: [
        response.status,
        JSON.stringify(response.body ?? null),
        JSON.stringify(response.headers),
        caller,
        key,
      ],
    };
    // With the outbox rows just before COMMIT, one round trip for both (PgTransaction.defer).
    if (tx.defer) await tx.defer(() => statement);
    else
      await tx.$executeRaw`
      UPDATE idempotent_request
      SET response_status = ${response.status}, response_body = ${JSON.stringify(response.body ?? null)}::jsonb,
          response_headers = ${JSON.stringify(response.headers)}::jsonb
      WHERE caller = ${caller} AND key = ${key}`;
  }

  /** Deletes expired keys; returns how many. */
  async sweep(tx: SqlTransaction): Promise<number> {
    return tx.$executeRaw`DELETE FROM idempotent_request WHERE expires_at < now()`;
  }
}
