import { ProblemException } from '@platform/http';
import type { OfferCursor } from './offer-query';

/** Opaque pagination cursor: base64url of the last row's (name, id), the directory's order. */
export function encodeCursor(row: OfferCursor): string {
  return Buffer.from(JSON.stringify([row.name, row.id])).toString('base64url');
}

export function decodeCursor(cursor: string): OfferCursor {
  try {
    const [name, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof name !== 'string' || typeof id !== 'string' || !/^[0-9a-f-]{36}$/.test(id)) throw new Error();
    return { name, id };
  } catch {
    throw ProblemException.validation([
      { pointer: 'query:cursor', detail: 'not a cursor returned by this API' },
    ]);
  }
}
