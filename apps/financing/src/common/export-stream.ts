import type { PgDatabase, SqlStatement } from '@platform/persistence';
import type { Response } from 'express';
import { once } from 'node:events';

export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

type Cell = string | number | boolean | null;

/** A column of an export: its CSV header and JSON key, and how a row gives its value. */
export interface ExportColumn<R> {
  name: string;
  value(row: R): Cell;
}

/** Rows fetched from the cursor at a time: small enough to keep memory flat, large enough for few round trips. */
const FETCH_ROWS = 500;

/** Characters that make a spreadsheet read a cell as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell, safe for Danish spreadsheets: `;` separates cells (a comma is the Danish decimal sign), a cell with
 * `;`, `"` or a line break is quoted with `"` doubled, text that a spreadsheet would run as a formula is prefixed
 * with `'`. Numbers are written as they are (øre are integers), so they never meet a decimal sign.
 */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: readonly Cell[]) => `${cells.map(csvCell).join(';')}\n`;

/**
 * Sees what an export sent: `row` as each row is written, `done` once the cursor's connection is released and
 * before the response ends, also when the export stopped early (the client went away, a query failed), so that
 * what did leave is accounted for. An audit of the citizens exported collects in `row` and records in `done`:
 * the rows are never held, and the audit's own transaction never waits for a second connection while the cursor
 * holds one (concurrent exports could otherwise empty the pool).
 */
export interface ExportObserver<R> {
  row(row: R): void;
  done(): Promise<void>;
}

async function write(res: Response, chunk: string): Promise<void> {
  if (!res.write(chunk)) await once(res, 'drain');
}

/**
 * Streams a query's rows as CSV (`text/csv; charset=utf-8`, a header row) or JSON (an array of objects), each row
 * written as it is fetched from a server-side cursor: neither the rows nor the text are ever held whole, and the
 * response is chunked (no Content-Length). The cursor lives in a read-only transaction of its own connection.
 * A failure of the observer's `done` fails the response before it ends: a complete export has been accounted for.
 */
export async function streamExport<R>(
  res: Response,
  db: PgDatabase,
  query: SqlStatement,
  columns: readonly ExportColumn<R>[],
  format: ExportFormat,
  filename: string,
  observer?: ExportObserver<R>,
): Promise<void> {
  res.status(200);
  if (format === 'csv')
    res
      .type('text/csv; charset=utf-8')
      .setHeader('Content-Disposition', `attachment; filename="${filename}.csv"`);
  else res.type('application/json');
  try {
    await streamRows(res, db, query, columns, format, (row) => observer?.row(row));
  } finally {
    await observer?.done();
  }
  res.end(format === 'json' ? ']' : undefined);
}

/** The header, then each row as the cursor yields it, in the cursor's read-only transaction. */
async function streamRows<R>(
  res: Response,
  db: PgDatabase,
  query: SqlStatement,
  columns: readonly ExportColumn<R>[],
  format: ExportFormat,
  written: (row: R) => void,
): Promise<void> {
  let first = true;
  await db.$transaction(async (tx) => {
    await tx.query({ text: 'SET TRANSACTION READ ONLY', values: [] });
    await tx.query({ text: `DECLARE export_rows NO SCROLL CURSOR FOR ${query.text}`, values: query.values });
    await write(res, format === 'csv' ? csvLine(columns.map((c) => c.name)) : '[');
    for (;;) {
      const { rows } = await tx.query<R & object>({
        text: `FETCH ${FETCH_ROWS} FROM export_rows`,
        values: [],
      });
      if (rows.length === 0 || res.destroyed) break;
      for (const row of rows) {
        if (format === 'csv') await write(res, csvLine(columns.map((c) => c.value(row))));
        else {
          const item = Object.fromEntries(columns.map((c) => [c.name, c.value(row)]));
          await write(res, `${first ? '' : ','}${JSON.stringify(item)}`);
        }
        first = false;
        written(row);
      }
    }
  });
}
