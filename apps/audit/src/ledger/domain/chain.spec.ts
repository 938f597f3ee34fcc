import {
  chain,
  chainAll,
  ChainVerifier,
  GENESIS_HASH,
  fromColumns,
  hashedJson,
  ledgerColumnsJson,
  ledgerRowJson,
  rowHash,
  type ChainedRow,
  type LedgerColumns,
  type LedgerEntry,
} from './chain';

const entry = (n: number): Omit<LedgerEntry, 'seq'> => ({
  eventId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  service: 'referrals',
  occurredAt: '2026-11-26T10:00:00.000Z',
  recordedAt: '2026-11-26T10:00:01.000Z',
  actorSubject: 'f1e2d3c4-0000-4000-8000-000000000001',
  actorClientId: 'platform-cli',
  actorOrgType: 'municipality',
  actorOrgCode: '101',
  actorRoles: ['caseworker'],
  action: 'referral.read',
  resourceType: 'referral',
  resourceId: `r-${n}`,
  citizenPseudonym: 'a'.repeat(64),
  purpose: 'visitation',
  outcome: 'ALLOWED',
  requestId: null,
});

function ledger(size: number): ChainedRow[] {
  const rows: ChainedRow[] = [];
  for (let n = 1; n <= size; n++) rows.push(chain(entry(n), rows.at(-1) ?? null));
  return rows;
}

/** The row as the verify scan reads it (its SELECT's column order). */
const columnsOf = (r: ChainedRow): LedgerColumns => [
  r.seq,
  r.eventId,
  r.service,
  r.occurredAt,
  r.recordedAt,
  r.actorSubject,
  r.actorClientId,
  r.actorOrgType,
  r.actorOrgCode,
  r.actorRoles,
  r.action,
  r.resourceType,
  r.resourceId,
  r.citizenPseudonym,
  r.purpose,
  r.outcome,
  r.requestId,
  r.prevHash,
  r.hash,
];

/** The same walk over the columns, as verify does it. */
const firstBreakOfColumns = (rows: ChainedRow[]) => {
  const verifier = new ChainVerifier();
  for (const row of rows) {
    const broken = verifier.checkColumns(columnsOf(row));
    if (broken) return broken;
  }
  return verifier.state;
};

const firstBreak = (rows: ChainedRow[]) => {
  const verifier = new ChainVerifier();
  for (const row of rows) {
    const broken = verifier.check(row);
    if (broken) return broken;
  }
  return verifier.state;
};

/** Every column a ledger row may leave empty, empty: the null and empty-array cases of the canonical JSON. */
const EMPTY_OPTIONALS = {
  actorClientId: null,
  actorOrgType: null,
  actorOrgCode: null,
  actorRoles: [] as string[],
  resourceId: null,
  citizenPseudonym: null,
  requestId: null,
};

describe('the hash chain', () => {
  it('starts at seq 1 on the genesis hash and links each row to the one before', () => {
    const rows = ledger(3);
    expect(rows.map((r) => r.seq)).toEqual(['1', '2', '3']);
    expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
    expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
    expect(rows[2]!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('adds up when nothing was touched', () => {
    const rows = ledger(5);
    expect(firstBreak(rows)).toEqual({ rowsChecked: 5, lastHash: rows[4]!.hash });
  });

  it('names an edited row (content no longer matches its hash)', () => {
    const rows = ledger(5);
    rows[2] = { ...rows[2]!, purpose: 'curiosity' };
    expect(firstBreak(rows)).toMatchObject({ seq: '3', reason: 'content-altered' });
  });

  it('names the row after one whose hash was recomputed to hide an edit', () => {
    const rows = ledger(5);
    const edited = { ...rows[1]!, outcome: 'DENIED' };
    rows[1] = { ...edited, hash: rowHash(edited, edited.prevHash) };
    expect(firstBreak(rows)).toMatchObject({ seq: '3', reason: 'previous-hash-mismatch' });
  });

  it('names the row after a removed one', () => {
    const rows = ledger(5);
    rows.splice(1, 1);
    expect(firstBreak(rows)).toMatchObject({ seq: '3', reason: 'missing-row', expectedSeq: '2' });
  });

  it('hashes roles in their order and nulls as nulls: any change of a column changes the hash', () => {
    const [row] = ledger(1);
    const base = rowHash(row!, row!.prevHash);
    expect(rowHash({ ...row!, actorRoles: [] }, row!.prevHash)).not.toBe(base);
    expect(rowHash({ ...row!, requestId: '' }, row!.prevHash)).not.toBe(base);
    expect(rowHash(row!, 'f'.repeat(64))).not.toBe(base);
  });

  it('writes the same canonical JSON as the generic form, for nulls, escapes, non-ASCII and any roles', () => {
    const { prevHash: _p, ...withHash } = ledger(1)[0]!;
    const row: LedgerEntry & { hash?: string } = { ...withHash };
    delete row.hash;
    const variants: LedgerEntry[] = [
      row,
      { ...row, ...EMPTY_OPTIONALS },
      {
        ...row,
        seq: '9007199254740993',
        actorRoles: ['planner', 'finance', 'advisor'],
        purpose: 'quote " backslash \\ newline \n tab \t nul \u0000 æøå 😀 \u2028',
        resourceType: '',
        requestId: '</script>',
      },
    ];
    for (const variant of variants) {
      expect(ledgerRowJson(variant, _p)).toBe(hashedJson(variant, _p));
      expect(JSON.parse(ledgerRowJson(variant, 'f'.repeat(64)))).toEqual({
        prevHash: 'f'.repeat(64),
        row: { ...variant },
      });
    }
  });

  it('writes the same bytes from the columns as ledgerRowJson from the row, for every kind of value', () => {
    const [base] = ledger(1);
    const variants: ChainedRow[] = [
      base!,
      { ...base!, ...EMPTY_OPTIONALS },
      {
        ...base!,
        seq: '9007199254740993',
        eventId: 'é\u0001',
        service: '"quoted"',
        occurredAt: '2026-11-26T10:00:00.000Z\n',
        actorSubject: '\\',
        actorRoles: ['planner', 'fin"ance', 'ad\\visor', '😀', '', '\u2028\u001f'],
        action: 'æøå ÆØÅ',
        purpose: 'quote " backslash \\ newline \n tab \t nul \u0000 æøå 😀 \u2028 lone \ud800',
        outcome: '\u007f\u0080',
        resourceType: '',
        requestId: '</script>',
        prevHash: 'f'.repeat(64),
      },
    ];
    for (const row of variants) {
      expect(ledgerColumnsJson(columnsOf(row))).toBe(ledgerRowJson(row, row.prevHash));
      expect(fromColumns(columnsOf(row))).toEqual(row);
    }
    // The database gives a NULL roles array as null: hashed as no roles, as the repository reads it.
    const noRoles = { ...base!, actorRoles: [] };
    const columns = [...columnsOf(noRoles)] as unknown[];
    columns[9] = null;
    expect(ledgerColumnsJson(columns as unknown as LedgerColumns)).toBe(
      ledgerRowJson(noRoles, noRoles.prevHash),
    );
  });

  it('finds the same first break from the columns as from the rows', () => {
    const edited = ledger(6);
    edited[3] = { ...edited[3]!, actorRoles: ['caseworker', 'admin'] };
    const relinked = ledger(6);
    const forged = { ...relinked[2]!, citizenPseudonym: null };
    relinked[2] = { ...forged, hash: rowHash(forged, forged.prevHash) };
    const gap = ledger(6);
    gap.splice(4, 1);
    const whole = ledger(6);
    for (const rows of [edited, relinked, gap, whole])
      expect(firstBreakOfColumns(rows)).toEqual(firstBreak(rows));
    expect(firstBreakOfColumns(edited)).toMatchObject({ seq: '4', reason: 'content-altered' });
    expect(firstBreakOfColumns(relinked)).toMatchObject({ seq: '4', reason: 'previous-hash-mismatch' });
    expect(firstBreakOfColumns(gap)).toMatchObject({ seq: '6', reason: 'missing-row', expectedSeq: '5' });
    expect(firstBreakOfColumns(whole)).toEqual({ rowsChecked: 6, lastHash: whole[5]!.hash });
  });

  it('chains a batch exactly as one append after the other', () => {
    const one = ledger(4);
    const batch = [...one.slice(0, 1), ...chainAll([entry(2), entry(3), entry(4)], one[0]!)];
    expect(batch).toEqual(one);
    expect(chainAll([], null)).toEqual([]);
  });
});
