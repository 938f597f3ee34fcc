import { z } from 'zod';
import { ProblemException } from '../problem/problem';
import { UUID_PATTERN } from '../validation/path-uuid';

/**
 * Keyset pagination: a list is ordered by a sort key and then the row id, and a page ends with an opaque cursor,
 * base64url of the last row's `[key, id]`, from which the next page starts. Clients pass it back as they got it.
 */

/** Query fields of a paged list: page size and the cursor of the previous page. */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50).meta({ description: 'Page size' }),
  cursor: z.string().max(200).optional().meta({ description: '`nextCursor` of the previous page' }),
};

/** The position after one row: its sort key (a name, a date, an instant) and its id. */
export interface KeyCursor {
  key: string;
  id: string;
}

/** Position after a row of a list ordered by an instant (newest first, mostly). */
export interface InstantCursor {
  at: Date;
  id: string;
}

export function encodeCursor({ key, id }: KeyCursor): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

/**
 * The position a cursor of this API names; anything this API did not hand out is a 400 naming `cursor`, never
 * a database error. `isKey` checks the sort key's form (a date, an instant) where the list needs one.
 */
export function decodeCursor(cursor: string, isKey: (key: string) => boolean = () => true): KeyCursor {
  const parts = parseJson(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (Array.isArray(parts) && parts.length === 2) {
    const [key, id] = parts as unknown[];
    if (typeof key === 'string' && typeof id === 'string' && UUID_PATTERN.test(id) && isKey(key)) {
      return { key, id };
    }
  }
  throw ProblemException.validation([
    { pointer: 'query:cursor', detail: 'not a cursor returned by this API' },
  ]);
}

export const encodeInstantCursor = ({ at, id }: InstantCursor) => encodeCursor({ key: at.toISOString(), id });

export function decodeInstantCursor(cursor: string): InstantCursor {
  const { key, id } = decodeCursor(cursor, (key) => !Number.isNaN(Date.parse(key)));
  return { at: new Date(key), id };
}

/** A page from `limit + 1` rows: the extra row only says that there is a next page. */
export function pageOf<R>(rows: R[], limit: number, cursorOf: (row: R) => string) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? cursorOf(last) : null };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
