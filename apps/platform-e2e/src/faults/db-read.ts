import { testDatabaseUrl } from '@platform/testing';
import { Client } from 'pg';

/**
 * Read-only queries on a service's test database, for what no API shows: how many effects a consumer had
 * committed at the moment it was killed, and which events a service's inbox recorded. Never writes.
 */
export async function readDatabase<T extends object>(
  service: string,
  sql: string,
  params: unknown[],
): Promise<T[]> {
  const client = new Client({ connectionString: testDatabaseUrl(service), connectionTimeoutMillis: 2_000 });
  await client.connect();
  try {
    await client.query('SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY');
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Advice cases knowledge has committed for these referrals. */
export async function committedAdviceCases(referralIds: readonly string[]): Promise<number> {
  const [row] = await readDatabase<{ n: string }>(
    'knowledge',
    'SELECT count(*) AS n FROM advice_case WHERE referral_id = ANY($1::uuid[])',
    [referralIds],
  );
  return Number(row!.n);
}

/** How often each event id is in a service's inbox (its consumers record every event they applied). */
export async function inboxCounts(
  service: string,
  eventIds: readonly string[],
): Promise<Map<string, number>> {
  const rows = await readDatabase<{ event_id: string; n: string }>(
    service,
    'SELECT event_id, count(*) AS n FROM inbox WHERE event_id = ANY($1::text[]) GROUP BY event_id',
    [eventIds],
  );
  return new Map(rows.map((r) => [r.event_id, Number(r.n)]));
}

/** The referrals service's read model of an offer (version and places), from planning's OfferUpdated. */
export async function referralsOfferView(
  offerId: string,
): Promise<{ version: number; places: number } | undefined> {
  const [row] = await readDatabase<{ version: number; places: number }>(
    'referrals',
    'SELECT version, places FROM offer WHERE id = $1::uuid',
    [offerId],
  );
  return row;
}
