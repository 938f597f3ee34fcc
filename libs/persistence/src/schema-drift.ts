import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

/** A column as both sides describe it: PostgreSQL's udt name (`text`, `_text` for text[], `timestamptz`…). */
interface Column {
  udt: string;
  nullable: boolean;
  hasDefault: boolean;
}

type Tables = Map<string, { columns: Map<string, Column>; primaryKey: string[]; indexes: Set<string> }>;

const SCALARS: Record<string, string> = {
  String: 'text',
  Int: 'int4',
  BigInt: 'int8',
  Boolean: 'bool',
  Float: 'float8',
  Decimal: 'numeric',
  Json: 'jsonb',
  Bytes: 'bytea',
  DateTime: 'timestamp',
};

const NATIVE: Record<string, string> = {
  Uuid: 'uuid',
  Date: 'date',
  Timestamptz: 'timestamptz',
  Timestamp: 'timestamp',
};

/**
 * Lists every difference between what the Prisma schema (a file or a folder) declares and what the database has: tables, columns,
 * column types, nullability, defaults, primary keys and indexes. Empty means the migrations produce exactly
 * the schema the generated client was built from.
 */
export async function schemaDrift(schemaPath: string, databaseUrl: string): Promise<string[]> {
  const expected = await tablesFromSchema(schemaPath);
  const actual = await tablesFromDatabase(databaseUrl);
  const problems: string[] = [];
  for (const [table, want] of expected) {
    const have = actual.get(table);
    if (!have) {
      problems.push(`table ${table} is missing`);
      continue;
    }
    for (const [name, column] of want.columns) {
      const got = have.columns.get(name);
      if (!got) problems.push(`${table}.${name} is missing`);
      else if (JSON.stringify(got) !== JSON.stringify(column)) {
        problems.push(`${table}.${name}: schema ${JSON.stringify(column)}, database ${JSON.stringify(got)}`);
      }
    }
    for (const name of have.columns.keys())
      if (!want.columns.has(name)) problems.push(`${table}.${name} is not in the schema`);
    if (want.primaryKey.join() !== have.primaryKey.join()) {
      problems.push(`${table} primary key: schema (${want.primaryKey}), database (${have.primaryKey})`);
    }
    for (const index of want.indexes)
      if (!have.indexes.has(index)) problems.push(`${table}: index ${index} is missing`);
    for (const index of have.indexes)
      if (!want.indexes.has(index)) problems.push(`${table}: index ${index} is not in the schema`);
  }
  for (const table of actual.keys())
    if (!expected.has(table)) problems.push(`table ${table} is not in the schema`);
  return problems;
}

/** A schema file, or a schema folder (Prisma's multi-file schema: every `.prisma` file in it, links followed). */
function schemaFiles(schemaPath: string): [string, string][] {
  if (!statSync(schemaPath).isDirectory()) return [[schemaPath, readFileSync(schemaPath, 'utf8')]];
  return readdirSync(schemaPath)
    .filter((name) => name.endsWith('.prisma'))
    .sort()
    .map((name) => [join(schemaPath, name), readFileSync(join(schemaPath, name), 'utf8')]);
}

async function tablesFromSchema(schemaPath: string): Promise<Tables> {
  // Loaded here, not at the top: @prisma/internals is a development dependency, and the migration runner in
  // this library must load in the production image, where only the drift check (a test) would need it.
  const { getDMMF } = (await import('@prisma/internals')) as typeof import('@prisma/internals');
  const { datamodel } = await getDMMF({ datamodel: schemaFiles(schemaPath) });
  const tables: Tables = new Map();
  for (const model of datamodel.models) {
    const columnOf = (field: string) => model.fields.find((f) => f.name === field)?.dbName ?? field;
    const columns = new Map<string, Column>();
    for (const field of model.fields.filter((f) => f.kind === 'scalar' || f.kind === 'enum')) {
      const native = (field.nativeType as [string, string[]] | null | undefined)?.[0];
      const base = (native && NATIVE[native]) ?? SCALARS[field.type] ?? field.type;
      columns.set(field.dbName ?? field.name, {
        udt: field.isList ? `_${base}` : base,
        // Prisma creates scalar lists as nullable arrays.
        nullable: field.isList || !field.isRequired,
        hasDefault: field.hasDefaultValue,
      });
    }
    const idFields = model.primaryKey?.fields ?? model.fields.filter((f) => f.isId).map((f) => f.name);
    const indexes = new Set(
      datamodel.indexes
        .filter((i) => i.model === model.name && (i.type === 'normal' || i.type === 'unique'))
        .map(
          (i) =>
            `${i.type === 'unique' ? 'unique ' : ''}(${i.fields.map((f) => columnOf(f.name)).join(',')})`,
        ),
    );
    tables.set(model.dbName ?? model.name, { columns, primaryKey: idFields.map(columnOf), indexes });
  }
  return tables;
}

async function tablesFromDatabase(databaseUrl: string): Promise<Tables> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const columns = await client.query<{
      table_name: string;
      column_name: string;
      udt_name: string;
      is_nullable: string;
      column_default: string | null;
    }>(
      `SELECT table_name, column_name, udt_name, is_nullable, column_default FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name, ordinal_position`,
    );
    const tables: Tables = new Map();
    for (const c of columns.rows) {
      const table = tables.get(c.table_name) ?? {
        columns: new Map(),
        primaryKey: [],
        indexes: new Set<string>(),
      };
      table.columns.set(c.column_name, {
        udt: c.udt_name,
        nullable: c.is_nullable === 'YES',
        hasDefault: c.column_default !== null,
      });
      tables.set(c.table_name, table);
    }
    const indexes = await client.query<{
      table_name: string;
      is_primary: boolean;
      is_unique: boolean;
      columns: string[];
    }>(
      `SELECT t.relname AS table_name, ix.indisprimary AS is_primary, ix.indisunique AS is_unique,
              array_agg(a.attname::text ORDER BY k.ord) AS columns
       FROM pg_index ix
       JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
       CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
       WHERE t.relname <> '_prisma_migrations'
       GROUP BY t.relname, ix.indexrelid, ix.indisprimary, ix.indisunique`,
    );
    for (const i of indexes.rows) {
      const table = tables.get(i.table_name);
      if (!table) continue;
      if (i.is_primary) table.primaryKey = i.columns;
      else table.indexes.add(`${i.is_unique ? 'unique ' : ''}(${i.columns.join(',')})`);
    }
    return tables;
  } finally {
    await client.end();
  }
}
