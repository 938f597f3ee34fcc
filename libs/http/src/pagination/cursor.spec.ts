import { ProblemException } from '../problem/problem';
import { decodeCursor, decodeInstantCursor, encodeCursor, encodeInstantCursor, pageOf } from './cursor';

const ID = '6f1c3a52-4e1b-4d59-9a51-1f0b7f0a2c11';

function pointerOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof ProblemException) return error.problem.errors?.[0]?.pointer;
  }
  throw new Error('expected a ProblemException');
}

describe('an opaque page cursor', () => {
  it('gives back the sort key and id it was made of', () => {
    expect(decodeCursor(encodeCursor({ key: 'Synscenter Øst', id: ID }))).toEqual({
      key: 'Synscenter Øst',
      id: ID,
    });
    const at = new Date('2026-01-15T09:30:00.000Z');
    expect(decodeInstantCursor(encodeInstantCursor({ at, id: ID }))).toEqual({ at, id: ID });
  });

  it('is a 400 naming the cursor when this API did not hand it out', () => {
    const forged = [
      'nonsense',
      Buffer.from('["a"]').toString('base64url'),
      Buffer.from(`["a", "not-a-uuid"]`).toString('base64url'),
      Buffer.from(`[1, "${ID}"]`).toString('base64url'),
    ];
    for (const cursor of forged) expect(pointerOf(() => decodeCursor(cursor))).toBe('query:cursor');
    const notAnInstant = encodeCursor({ key: 'yesterday', id: ID });
    expect(pointerOf(() => decodeInstantCursor(notAnInstant))).toBe('query:cursor');
  });

  it('checks the sort key where the list says how it looks', () => {
    const cursor = encodeCursor({ key: '2026-13-01', id: ID });
    expect(pointerOf(() => decodeCursor(cursor, (key) => /^\d{4}-(0\d|1[0-2])-\d{2}$/.test(key)))).toBe(
      'query:cursor',
    );
  });
});

describe('a page of limit + 1 rows', () => {
  const rows = [1, 2, 3].map((n) => ({ n }));

  it('holds limit rows and a cursor after the last when the extra row came', () => {
    expect(pageOf(rows, 2, (r) => `after ${r.n}`)).toEqual({
      items: rows.slice(0, 2),
      nextCursor: 'after 2',
    });
  });

  it('has no next cursor when no extra row came', () => {
    expect(pageOf(rows, 3, (r) => `after ${r.n}`)).toEqual({ items: rows, nextCursor: null });
  });
});
