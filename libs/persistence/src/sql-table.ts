import type { SqlStatement } from './pg-database';

/**
 * Property → column for every property of a row type. Typed by the row type Prisma generates from the schema,
 * so a column added to the model without its entry here fails to compile instead of silently not loading.
 */
export type Columns<Row> = { readonly [K in keyof Row]-?: string };

/**
 * The statements a repository's write path needs, built from a table's column map: rows come back with the
 * property names (and, through PgDatabase, the value types) Prisma would give, so the repository keeps its
 * types while its hot path skips the Prisma client. Names come from the map only; every value is a parameter.
 */
export class SqlTable<Row extends object> {
  /** `"municipality_code" AS "municipalityCode", …`: the whole row, named as the model. */
  readonly select: string;

  constructor(
    readonly table: string,
    private readonly columns: Columns<Row>,
  ) {
    this.select = Object.entries(columns as Record<string, string>)
      .map(([property, column]) => `"${column}" AS "${property}"`)
      .join(', ');
  }

  column(property: keyof Row): string {
    return `"${this.columns[property]}"`;
  }

  /** INSERT of the given properties (the others take their column default), returning the whole row. */
  insert(values: Partial<Row>): SqlStatement {
    const keys = this.keysOf(values);
    return {
      text:
        `INSERT INTO ${this.table} (${keys.map((k) => this.column(k)).join(', ')}) ` +
        `VALUES (${keys.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING ${this.select}`,
      values: keys.map((k) => values[k]),
    };
  }

  /**
   * UPDATE … SET the given properties, plus `also` (SQL assignments without parameters, e.g. a version bump),
   * WHERE `key` = its value, returning the whole row.
   */
  update<K extends keyof Row>(key: K, id: Row[K], values: Partial<Row>, also: string[] = []): SqlStatement {
    const keys = this.keysOf(values);
    const sets = [...keys.map((k, i) => `${this.column(k)} = $${i + 2}`), ...also];
    return {
      text: `UPDATE ${this.table} SET ${sets.join(', ')} WHERE ${this.column(key)} = $1 RETURNING ${this.select}`,
      values: [id, ...keys.map((k) => values[k])],
    };
  }

  /** SELECT the whole row WHERE `key` = its value, optionally `FOR UPDATE`. */
  find<K extends keyof Row>(key: K, id: Row[K], lock: '' | 'FOR UPDATE' = ''): SqlStatement {
    return {
      text: `SELECT ${this.select} FROM ${this.table} WHERE ${this.column(key)} = $1 ${lock}`.trimEnd(),
      values: [id],
    };
  }

  /** The defined properties, each checked against the map: an unknown one is a bug, never a column name. */
  private keysOf(values: Partial<Row>): (keyof Row)[] {
    const keys = (Object.keys(values) as (keyof Row)[]).filter((k) => values[k] !== undefined);
    for (const k of keys) {
      if (!Object.hasOwn(this.columns, k)) throw new Error(`${this.table} has no column for ${String(k)}`);
    }
    return keys;
  }
}
