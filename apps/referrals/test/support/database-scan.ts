import { Client } from 'pg';
import { derivationsIn, type Derivation } from './cpr-derivations';

export interface Finding {
  column: string;
  found: string[];
}

/** `"name"` as an SQL identifier. */
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
/** A literal in a PostgreSQL regular expression: every non-alphanumeric character escaped. */
const literal = (text: string) => text.replace(/[^A-Za-z0-9]/g, (c) => `\\${c}`);

/**
 * The transaction id now, as a row's `xmin` shows it (32 bits): rows written from here on have an xmin at least
 * this. A scan for derivations of CPR numbers made up after this point need not read the rows of earlier runs,
 * which test databases keep (the fault tests alone add thousands of referrals a run).
 */
export async function currentXmin(client: Client): Promise<string> {
  const { rows } = await client.query<{ x: string }>(`SELECT (txid_current() % 4294967296)::text AS x`);
  return rows[0]!.x;
}

/**
 * Searches every column of every table of the database (information_schema, the session's temporary tables
 * included) for the derivations: each value cast to text, bytea as hex, compared case-insensitively. PostgreSQL
 * reads each table once.
 */
export async function scanDatabase(
  client: Client,
  derivations: Derivation[],
  /** Only rows written since (currentXmin); every row when absent. */
  since?: string,
): Promise<Finding[]> {
  const { rows: columns } = await client.query<Column>(`
    SELECT c.table_schema, c.table_name, c.column_name, c.data_type
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE t.table_type IN ('BASE TABLE', 'LOCAL TEMPORARY')
      AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
    ORDER BY 1, 2, 3`);
  if (columns.length === 0) throw new Error('no columns found: is this the right database?');
  const pattern = derivations.map((d) => literal(d.value.toLowerCase())).join('|');
  const findings: Finding[] = [];
  for (const table of byTable(columns))
    findings.push(...(await scanTable(client, table, pattern, derivations, since)));
  return findings;
}

interface Column {
  table_schema: string;
  table_name: string;
  column_name: string;
  data_type: string;
}

function byTable(columns: Column[]): Column[][] {
  const tables = new Map<string, Column[]>();
  for (const c of columns) {
    const key = `${c.table_schema}.${c.table_name}`;
    tables.set(key, [...(tables.get(key) ?? []), c]);
  }
  return [...tables.values()];
}

/**
 * One read of the table (test databases keep every earlier run's rows, so a read per column took minutes): the
 * rows where any column matches, each column cast to text (bytea as hex) and lower-cased, then which columns.
 */
async function scanTable(
  client: Client,
  columns: Column[],
  pattern: string,
  derivations: Derivation[],
  since?: string,
): Promise<Finding[]> {
  const values = columns.map((c) =>
    c.data_type === 'bytea'
      ? `lower(encode(${ident(c.column_name)}, 'hex'))`
      : `lower(${ident(c.column_name)}::text)`,
  );
  const { table_schema, table_name } = columns[0]!;
  const { rows } = await client.query<Record<string, string | null>>(
    `SELECT ${values.map((v, i) => `${v} AS c${i}`).join(', ')}
     FROM ${ident(table_schema)}.${ident(table_name)}
     WHERE ${since === undefined ? '' : 'xmin::text::bigint >= $2::bigint AND '}(${values.map((v) => `${v} ~ $1`).join(' OR ')})
     LIMIT 100`,
    since === undefined ? [pattern] : [pattern, since],
  );
  return columns.flatMap((c, i) => {
    const found = [
      ...new Set(rows.flatMap((r) => (r[`c${i}`] ? derivationsIn(r[`c${i}`]!, derivations) : []))),
    ];
    return found.length > 0 ? [{ column: `${table_schema}.${table_name}.${c.column_name}`, found }] : [];
  });
}

/** How many columns the scan covers (so a test can show it looked at the whole schema). */
export async function scannedColumns(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(`
    SELECT c.table_name || '.' || c.column_name AS name FROM information_schema.columns c
    WHERE c.table_schema = 'public' ORDER BY 1`);
  return rows.map((r) => r.name);
}
