import { eventually, expectStatus } from './failure';
import type { Platform } from './platform';

/** One row of the audit ledger as the state auditor reads it. */
export interface LedgerRow {
  seq: string;
  service: string;
  occurredAt: string;
  actor: { orgType: string | null; orgCode: string | null; clientId: string | null };
  action: string;
  resource: { type: string; id: string | null };
  citizenPseudonym: string | null;
  outcome: 'ALLOWED' | 'DENIED';
  requestId: string | null;
}

/** Every ledger row matching the filter (`citizenPseudonym`, `outcome`, `orgCode`, `from`, …), all pages. */
export async function ledgerRows(platform: Platform, filter: Record<string, string>): Promise<LedgerRow[]> {
  const auditor = await platform.audit.as('auditor-state');
  const rows: LedgerRow[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ ...filter, limit: '1000', ...(cursor ? { cursor } : {}) });
    const res = await auditor.get(`/api/v1/audit/events?${query}`);
    expectStatus('reading the audit ledger as auditor-state', res, 200);
    const page = res.body as { items: LedgerRow[]; nextCursor: string | null };
    rows.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

/**
 * Waits until the ledger holds, for the filter, a row for each of `expected` (each a predicate with a name):
 * every service sends its audit events through its outbox and Kafka, and the audit service appends them one
 * transaction at a time. Returns the rows; fails naming the rows still missing.
 */
export async function waitForLedgerRows(
  platform: Platform,
  filter: Record<string, string>,
  expected: Record<string, (row: LedgerRow) => boolean>,
  timeoutMs: number,
): Promise<LedgerRow[]> {
  let missing: string[] = Object.keys(expected);
  try {
    return await eventually(
      'the audit ledger rows',
      async () => {
        const rows = await ledgerRows(platform, filter);
        missing = Object.entries(expected)
          .filter(([, matches]) => !rows.some(matches))
          .map(([name]) => name);
        return missing.length === 0 ? rows : undefined;
      },
      timeoutMs,
      1000,
    );
  } catch (error) {
    throw new Error(
      `${error instanceof Error ? error.message : String(error)}; still missing: ${missing.join(', ')}`,
    );
  }
}

/** The auditor recomputes the whole chain: valid, and how many rows. */
export async function verifyLedger(platform: Platform): Promise<{ valid: boolean; rowsChecked: number }> {
  const res = await (await platform.audit.as('auditor-state')).get('/api/v1/audit/verification');
  expectStatus('verifying the audit ledger as auditor-state', res, 200);
  return res.body as { valid: boolean; rowsChecked: number };
}
