import type { PipeTransform } from '@nestjs/common';
import { isIsoDate } from '@platform/domain';
import { ProblemException } from '@platform/http';
import { z } from 'zod';

/**
 * Fields the governance capabilities (responsibility, takeovers, framework agreements, needs analyses) share in
 * their requests and views.
 */

/** A calendar date that exists (2026-02-30 does not), as input. */
export const calendarDate = z
  .string()
  .refine(isIsoDate, 'must be a real calendar date YYYY-MM-DD')
  .meta({ format: 'date' });

/** A date as the views show it. */
export const isoDateView = z.string().meta({ format: 'date', example: '2026-01-01' });
export const isoInstantView = z.string().meta({ format: 'date-time', example: '2026-01-15T09:30:00.000Z' });
// Ids are PostgreSQL uuids; documented as such without zod's stricter RFC pattern.
export const uuidView = z.string().meta({ format: 'uuid' });

/** The calendar day of a DATE column (read as midnight UTC). */
export const dayOf = (d: Date): string => d.toISOString().slice(0, 10);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Path parameter `:id` as a UUID, 400 naming it otherwise. */
export const uuidParam: PipeTransform<unknown, string> = {
  transform(value: unknown): string {
    const id = String(value);
    if (!UUID.test(id)) throw ProblemException.validation([{ pointer: 'path:id', detail: 'must be a UUID' }]);
    return id.toLowerCase();
  },
};

/** Query of the governance lists: page size and the cursor of the previous page (newest first). */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50).meta({ description: 'Page size' }),
  cursor: z.string().max(200).optional().meta({ description: '`nextCursor` of the previous page' }),
};

/** Position after a row of a newest-first list: its instant and id, opaque to clients. */
export interface PageCursor {
  at: Date;
  id: string;
}

export function encodeCursor(cursor: PageCursor): string {
  return Buffer.from(`${cursor.at.toISOString()}|${cursor.id}`, 'utf8').toString('base64url');
}

/** The cursor, or a 400 naming `cursor` for anything this service did not hand out. */
export function decodeCursor(value: string): PageCursor {
  const [at, id, ...rest] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  const instant = new Date(at ?? '');
  if (rest.length > 0 || !id || !UUID.test(id) || Number.isNaN(instant.getTime())) {
    throw ProblemException.validation([
      { pointer: 'query:cursor', detail: 'not a cursor this list handed out' },
    ]);
  }
  return { at: instant, id };
}

/** A page from `limit + 1` rows: the extra row only says that there is a next page. */
export function pageOf<R>(rows: R[], limit: number, cursorOf: (row: R) => PageCursor) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null };
}
