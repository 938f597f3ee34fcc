import type { Client } from 'pg';

/**
 * The direct baseline of any service's write, generalised from direct-sql.ts createScriptFromSample (which knows
 * the referral's tables): while one real API write runs, a row trigger on every table of the bench database
 * copies each row it inserts or updates, with the writing transaction's id. The rows of the transaction that
 * inserted the write's resource are what one write does; they become one pgbench transaction that writes the
 * same rows again, with fresh values only where the table's primary key or a unique index demands them (read
 * from pg_catalog). Sequence and identity columns are left to their defaults. The triggers are dropped before
 * anything is measured.
 */

const CAPTURE = 'bench_capture';

/** Installs the capture on every table of the public schema; `release` removes it. */
export async function captureWrites(db: Client): Promise<{ release: () => Promise<void> }> {
  await db.query(`CREATE TABLE IF NOT EXISTS ${CAPTURE} (n bigserial PRIMARY KEY, tbl text NOT NULL,
    op text NOT NULL, txid xid8 NOT NULL DEFAULT pg_current_xact_id(), row jsonb NOT NULL)`);
  await db.query(`TRUNCATE ${CAPTURE}`);
  await db.query(`CREATE OR REPLACE FUNCTION ${CAPTURE}_row() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN INSERT INTO ${CAPTURE} (tbl, op, row) VALUES (TG_TABLE_NAME, TG_OP, to_jsonb(NEW)); RETURN NULL; END $$`);
  const tables = await userTables(db);
  for (const t of tables)
    await db.query(
      `CREATE TRIGGER ${CAPTURE} AFTER INSERT OR UPDATE ON "${t}" FOR EACH ROW EXECUTE FUNCTION ${CAPTURE}_row()`,
    );
  return {
    release: async () => {
      for (const t of tables) await db.query(`DROP TRIGGER IF EXISTS ${CAPTURE} ON "${t}"`);
    },
  };
}

async function userTables(db: Client): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname NOT IN ($1, '_prisma_migrations')
       AND NOT c.relispartition ORDER BY 1`,
    [CAPTURE],
  );
  return rows.map((r) => r.name);
}

interface Column {
  name: string;
  type: string;
  /** Filled by a sequence, an identity or a generated expression: left out of the INSERT. */
  generated: boolean;
}

interface TableShape {
  columns: Column[];
  primaryKey: string[];
  uniques: string[][];
}

async function shapeOf(db: Client, table: string): Promise<TableShape> {
  const columns = await db.query<{ name: string; type: string; generated: boolean }>(
    `SELECT a.attname::text AS name, format_type(a.atttypid, a.atttypmod) AS type,
            (a.attidentity <> '' OR a.attgenerated <> '' OR coalesce(pg_get_expr(d.adbin, d.adrelid), '') LIKE 'nextval(%') AS generated
     FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
    [`"${table}"`],
  );
  // Unique indexes on plain columns (an expression index has a 0 among its keys and is not handled).
  const indexes = await db.query<{ primary: boolean; columns: string[] }>(
    `SELECT i.indisprimary AS primary,
            array(SELECT a.attname FROM unnest(i.indkey::int2[]) k JOIN pg_attribute a
                  ON a.attrelid = i.indrelid AND a.attnum = k)::text[] AS columns
     FROM pg_index i WHERE i.indrelid = $1::regclass AND i.indisunique AND NOT (0 = ANY(i.indkey::int2[]))`,
    [`"${table}"`],
  );
  return {
    columns: columns.rows,
    primaryKey: indexes.rows.find((i) => i.primary)?.columns ?? [],
    uniques: indexes.rows.map((i) => i.columns),
  };
}

export interface SampleScript {
  /** What one API write wrote, table by table ("2 outbox" …; "updated" when it changed an existing row). */
  rows: { table: string; count: number; op: 'INSERT' | 'UPDATE' }[];
  script: string;
}

/**
 * The pgbench transaction of the write that inserted row `id` (by primary key) into `table`, from the capture.
 * A row inserted and then updated in that transaction is inserted once in its final form; a row that existed
 * before is updated to its final form.
 */
export async function scriptOfWrite(db: Client, table: string, id: string): Promise<SampleScript> {
  const main = await shapeOf(db, table);
  const key = main.primaryKey[0];
  const tx = await db.query<{ txid: string }>(
    `SELECT txid::text FROM ${CAPTURE} WHERE tbl = $1 AND op = 'INSERT' AND row->>$2 = $3 LIMIT 1`,
    [table, key, id],
  );
  if (!tx.rows[0]) throw new Error(`no captured insert of ${table} ${id}`);
  const captured = await db.query<{ tbl: string; op: string; row: Record<string, unknown> }>(
    `SELECT tbl, op, row FROM ${CAPTURE} WHERE txid = $1::xid8 ORDER BY n`,
    [tx.rows[0].txid],
  );
  const shapes = new Map<string, TableShape>();
  const final = new Map<string, { tbl: string; op: 'INSERT' | 'UPDATE'; row: Record<string, unknown> }>();
  for (const c of captured.rows) {
    if (!shapes.has(c.tbl)) shapes.set(c.tbl, await shapeOf(db, c.tbl));
    const shape = shapes.get(c.tbl)!;
    const identity = `${c.tbl}:${JSON.stringify(shape.primaryKey.map((k) => c.row[k]))}`;
    const first = final.get(identity)?.op ?? (c.op as 'INSERT' | 'UPDATE');
    final.set(identity, { tbl: c.tbl, op: first, row: c.row });
  }
  const rendered = [];
  for (const { tbl, op, row } of final.values()) {
    const shape = shapes.get(tbl)!;
    const text = await asText(db, tbl, shape, row);
    rendered.push({ tbl, op, shape, text, fresh: op === 'INSERT' ? freshColumns(shape, text) : [] });
  }
  // A fresh value replaces the sample's wherever it appears (a child row's reference to a fresh key included).
  const replaced = new Map<string, string>();
  for (const r of rendered)
    for (const column of r.fresh) replaced.set(r.text[column]!, freshValue(r.text[column]!));
  const statements: string[] = ['\\set r random(1, 9000000000000000000)'];
  const counts = new Map<string, SampleScript['rows'][number]>();
  for (const { tbl, op, shape, text } of rendered) {
    statements.push(
      op === 'INSERT' ? insertOf(tbl, shape, text, replaced) : updateOf(tbl, shape, text, replaced),
    );
    const count = counts.get(`${op} ${tbl}`) ?? { table: tbl, count: 0, op };
    count.count += 1;
    counts.set(`${op} ${tbl}`, count);
  }
  // pgbench reads one statement per line.
  const [set, ...sql] = statements;
  const script = [set, 'BEGIN;', ...sql.map((s) => s.replace(/\s*\n\s*/g, ' ')), 'COMMIT;'].join('\n');
  return { rows: [...counts.values()], script };
}

/** Every column's value as PostgreSQL's text form (jsonb back to the column types, arrays and all). */
async function asText(
  db: Client,
  table: string,
  shape: TableShape,
  row: Record<string, unknown>,
): Promise<Record<string, string | null>> {
  const select = shape.columns.map((c) => `r."${c.name}"::text AS "${c.name}"`).join(', ');
  const { rows } = await db.query<Record<string, string | null>>(
    `SELECT ${select} FROM jsonb_populate_record(NULL::"${table}", $1::jsonb) r`,
    [JSON.stringify(row)],
  );
  return rows[0];
}

/**
 * The columns that need a fresh value per transaction: one per unique index, unless a column of the index already
 * has one, is filled by a sequence, or the sample holds a NULL in it (NULLs never collide). Only uuid and text
 * columns can be made fresh here; a unique index of other types alone is an error.
 */
function freshColumns(shape: TableShape, text: Record<string, string | null>): string[] {
  const fresh: string[] = [];
  const byName = new Map(shape.columns.map((c) => [c.name, c]));
  for (const unique of shape.uniques) {
    const columns = unique.map((name) => byName.get(name)!);
    if (columns.some((c) => c.generated || fresh.includes(c.name) || text[c.name] === null)) continue;
    const column = columns.find((c) => FRESHABLE.test(c.type));
    if (!column)
      throw new Error(`cannot make the unique (${unique.join(', ')}) fresh: no uuid or text column`);
    fresh.push(column.name);
  }
  return fresh;
}

const FRESHABLE = /^(uuid|text|character varying.*)$/;

/**
 * A value of its own per transaction for a sample value, the same wherever that value appears: an md5 of the
 * transaction's random number (pgbench `\set r`, no round trip) and the sample value.
 */
const freshValue = (sample: string) => `md5(:r || '${sample.replace(/'/g, "''")}')`;

const literal = (c: Column, value: string | null) =>
  value === null ? 'NULL' : `'${value.replace(/'/g, "''")}'::${c.type}`;

/**
 * The outbox rows go in already sent: the running service's relay must not publish copies of them (as in
 * direct-sql.ts). A uuid or text value that was made fresh is replaced; every other value is the sample's.
 */
function valueOf(table: string, c: Column, text: Record<string, string | null>, fresh: Map<string, string>) {
  if (table === 'outbox' && c.name === 'sent_at') return 'now()';
  const value = text[c.name];
  const replaced = value !== null && FRESHABLE.test(c.type) ? fresh.get(value) : undefined;
  return replaced ? `${replaced}::${c.type}` : literal(c, value);
}

function insertOf(
  table: string,
  shape: TableShape,
  text: Record<string, string | null>,
  fresh: Map<string, string>,
): string {
  const columns = shape.columns.filter((c) => !c.generated);
  return `INSERT INTO "${table}" (${columns.map((c) => `"${c.name}"`).join(', ')}) VALUES (${columns
    .map((c) => valueOf(table, c, text, fresh))
    .join(', ')});`;
}

/** An existing row the write changed, set to what the write left (its key as in the sample: the same row). */
function updateOf(
  table: string,
  shape: TableShape,
  text: Record<string, string | null>,
  fresh: Map<string, string>,
): string {
  const key = new Set(shape.primaryKey);
  const set = shape.columns.filter((c) => !c.generated && !key.has(c.name));
  const where = shape.columns.filter((c) => key.has(c.name));
  return `UPDATE "${table}" SET ${set.map((c) => `"${c.name}" = ${valueOf(table, c, text, fresh)}`).join(', ')} WHERE ${where
    .map((c) => `"${c.name}" = ${literal(c, text[c.name])}`)
    .join(' AND ')};`;
}
