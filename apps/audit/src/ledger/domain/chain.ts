import { hash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** What one ledger row says (every column but the two hashes), as the hash sees it. */
export interface LedgerEntry {
  /** Position in the chain, as a decimal string (a bigint in the database). */
  seq: string;
  eventId: string;
  service: string;
  /** ISO instants with milliseconds, as TIMESTAMPTZ(3) gives them back. */
  occurredAt: string;
  recordedAt: string;
  actorSubject: string;
  actorClientId: string | null;
  actorOrgType: string | null;
  actorOrgCode: string | null;
  actorRoles: string[];
  action: string;
  resourceType: string;
  resourceId: string | null;
  citizenPseudonym: string | null;
  purpose: string;
  outcome: string;
  requestId: string | null;
}

export interface ChainedRow extends LedgerEntry {
  prevHash: string;
  hash: string;
}

/** The previous hash of the first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** The canonical JSON the hash is taken over, as the generic canonicalJson writes it (docs/audit.md). */
export function hashedJson(entry: LedgerEntry, prevHash: string): string {
  const row: Record<string, unknown> = { ...entry };
  delete row.prevHash;
  delete row.hash;
  return canonicalJson({ row, prevHash });
}

/**
 * The same bytes as `hashedJson`, built for the row's fixed shape: an object whose members are inserted in their
 * sorted order, which JSON.stringify keeps, holding only strings, nulls and arrays of strings, which it writes
 * as canonical JSON does. No sorting or walking per row: verify hashes a million rows with it. chain.spec.ts
 * proves it equal to the generic form, so the definition of the hash stays canonicalJson's.
 */
export function ledgerRowJson(e: LedgerEntry, prevHash: string): string {
  return JSON.stringify({
    prevHash,
    row: {
      action: e.action,
      actorClientId: e.actorClientId,
      actorOrgCode: e.actorOrgCode,
      actorOrgType: e.actorOrgType,
      actorRoles: e.actorRoles,
      actorSubject: e.actorSubject,
      citizenPseudonym: e.citizenPseudonym,
      eventId: e.eventId,
      occurredAt: e.occurredAt,
      outcome: e.outcome,
      purpose: e.purpose,
      recordedAt: e.recordedAt,
      requestId: e.requestId,
      resourceId: e.resourceId,
      resourceType: e.resourceType,
      seq: e.seq,
      service: e.service,
    },
  });
}

/** SHA-256 (hex) over the canonical JSON of the row and the previous row's hash. */
export function rowHash(entry: LedgerEntry, prevHash: string): string {
  return hash('sha256', ledgerRowJson(entry, prevHash), 'hex');
}

/** The row that follows `head` (null: the chain is empty). */
export function chain(
  entry: Omit<LedgerEntry, 'seq'>,
  head: { seq: string; hash: string } | null,
): ChainedRow {
  const seq = head ? (BigInt(head.seq) + 1n).toString() : '1';
  const prevHash = head?.hash ?? GENESIS_HASH;
  const row = { ...entry, seq };
  return { ...row, prevHash, hash: rowHash(row, prevHash) };
}

/** Several rows after `head`, each linked to the one before: one append of a whole batch. */
export function chainAll(
  entries: readonly Omit<LedgerEntry, 'seq'>[],
  head: { seq: string; hash: string } | null,
): ChainedRow[] {
  const rows: ChainedRow[] = [];
  let last = head;
  for (const entry of entries) {
    const row = chain(entry, last);
    rows.push(row);
    last = row;
  }
  return rows;
}

export type BreakReason = 'missing-row' | 'previous-hash-mismatch' | 'content-altered';

/** The first row at which the chain stops adding up. */
export interface ChainBreak {
  seq: string;
  eventId: string;
  reason: BreakReason;
  /** The sequence number the verifier expected there (differs from seq when rows are missing). */
  expectedSeq: string;
}

/**
 * Recomputes the chain row by row, in seq order, and names the first row that breaks it: a gap in the
 * numbers (a row removed before it), a previous hash that is not the hash of the row before (a row removed
 * or replaced), or a hash that is not the hash of the row's own content (the row was edited).
 */
export class ChainVerifier {
  private expectedSeq = 1n;
  private previousHash = GENESIS_HASH;
  private checked = 0;

  check(row: ChainedRow): ChainBreak | undefined {
    const at = (reason: BreakReason): ChainBreak => ({
      seq: row.seq,
      eventId: row.eventId,
      reason,
      expectedSeq: this.expectedSeq.toString(),
    });
    if (BigInt(row.seq) !== this.expectedSeq) return at('missing-row');
    if (row.prevHash !== this.previousHash) return at('previous-hash-mismatch');
    if (rowHash(row, row.prevHash) !== row.hash) return at('content-altered');
    this.expectedSeq += 1n;
    this.previousHash = row.hash;
    this.checked += 1;
    return undefined;
  }

  /** The rows that added up, and the hash of the last of them. */
  get state(): { rowsChecked: number; lastHash: string } {
    return { rowsChecked: this.checked, lastHash: this.previousHash };
  }
}
