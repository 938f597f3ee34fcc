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

/**
 * A chained row as verify reads it: its columns as the database gives them, in this order (ledger-scan.ts
 * selects them so), the instants already formatted as toISOString() writes them. Verify hashes these straight,
 * without building a row object for each of a million rows (docs/performance.md).
 */
export type LedgerColumns = readonly [
  seq: string,
  eventId: string,
  service: string,
  occurredAt: string,
  recordedAt: string,
  actorSubject: string,
  actorClientId: string | null,
  actorOrgType: string | null,
  actorOrgCode: string | null,
  actorRoles: readonly string[] | null,
  action: string,
  resourceType: string,
  resourceId: string | null,
  citizenPseudonym: string | null,
  purpose: string,
  outcome: string,
  requestId: string | null,
  prevHash: string,
  hash: string,
];

/** The row the columns hold (a null roles array is no roles, as the repository reads it). */
export const fromColumns = (c: LedgerColumns): ChainedRow => ({
  seq: c[0],
  eventId: c[1],
  service: c[2],
  occurredAt: c[3],
  recordedAt: c[4],
  actorSubject: c[5],
  actorClientId: c[6],
  actorOrgType: c[7],
  actorOrgCode: c[8],
  actorRoles: c[9] ? [...c[9]] : [],
  action: c[10],
  resourceType: c[11],
  resourceId: c[12],
  citizenPseudonym: c[13],
  purpose: c[14],
  outcome: c[15],
  requestId: c[16],
  prevHash: c[17],
  hash: c[18],
});

/** One JSON value: JSON.stringify writes strings, nulls and arrays of strings as canonical JSON does. */
const json = JSON.stringify;

/**
 * The same bytes as `ledgerRowJson(fromColumns(c), c[17])`, written member by member in the sorted key order
 * from the columns themselves: no row object, no object for JSON.stringify to walk. chain.spec.ts proves it equal
 * to ledgerRowJson (and so to canonicalJson) for nulls, escapes, non-ASCII and roles.
 */
export function ledgerColumnsJson(c: LedgerColumns): string {
  return (
    `{"prevHash":${json(c[17])},"row":{"action":${json(c[10])},"actorClientId":${json(c[6])}` +
    `,"actorOrgCode":${json(c[8])},"actorOrgType":${json(c[7])},"actorRoles":${c[9] === null ? '[]' : json(c[9])}` +
    `,"actorSubject":${json(c[5])},"citizenPseudonym":${json(c[13])},"eventId":${json(c[1])}` +
    `,"occurredAt":${json(c[3])},"outcome":${json(c[15])},"purpose":${json(c[14])},"recordedAt":${json(c[4])}` +
    `,"requestId":${json(c[16])},"resourceId":${json(c[12])},"resourceType":${json(c[11])},"seq":${json(c[0])}` +
    `,"service":${json(c[2])}}}`
  );
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
    return this.link(row.seq, row.eventId, row.prevHash, row.hash, rowHash(row, row.prevHash));
  }

  /** The same check on a row as verify reads it (the hash taken straight from the columns). */
  checkColumns(c: LedgerColumns): ChainBreak | undefined {
    return this.link(c[0], c[1], c[17], c[18], hash('sha256', ledgerColumnsJson(c), 'hex'));
  }

  /** The checks in their order (a gap first, then the link, then the content), given the recomputed hash. */
  private link(
    seq: string,
    eventId: string,
    prevHash: string,
    storedHash: string,
    recomputed: string,
  ): ChainBreak | undefined {
    const reason: BreakReason | undefined =
      BigInt(seq) !== this.expectedSeq
        ? 'missing-row'
        : prevHash !== this.previousHash
          ? 'previous-hash-mismatch'
          : recomputed !== storedHash
            ? 'content-altered'
            : undefined;
    if (reason) return { seq, eventId, reason, expectedSeq: this.expectedSeq.toString() };
    this.expectedSeq += 1n;
    this.previousHash = storedHash;
    this.checked += 1;
    return undefined;
  }

  /** The rows that added up, and the hash of the last of them. */
  get state(): { rowsChecked: number; lastHash: string } {
    return { rowsChecked: this.checked, lastHash: this.previousHash };
  }
}
