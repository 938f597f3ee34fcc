import { useState } from 'react';
import { useApp } from '../app-context';
import type { ServiceName } from '../api/client';
import { useLoad, type Loaded } from '../api/use-load';

/** The services page their lists with an opaque cursor: `nextCursor` of one page is `cursor` of the next. */
export interface CursorPage {
  nextCursor: string | null;
}

/** The next page of a list, for the table's "Vis flere" control. */
export interface More {
  /** The API has a next page. */
  next: boolean;
  /** Pages read so far (1 while only the first is shown). */
  pages: number;
  loading: boolean;
  error: Error | undefined;
  load(): void;
}

export type Pages<P> = Loaded<P> & { more: More };

/** `path` with `cursor` set (its other query parameters kept, so the next page has the same filters). */
export function withCursor(path: string, cursor: string): string {
  const [base, query = ''] = path.split('?');
  const params = new URLSearchParams(query);
  params.set('cursor', cursor);
  return `${base}?${params}`;
}

interface Extra<P> {
  /** The first page these pages follow: a new first page (other filters, a reload) starts over. */
  first: P | undefined;
  rows: unknown[];
  cursor: string | null;
  pages: number;
  loading: boolean;
  error?: Error;
}

/**
 * A list read page by page: the first page as `useLoad` reads it (so `Load`, errors and `reload` work as
 * before), and `more.load()` appends the next page's rows, following the API's cursor. `data` holds every row
 * read so far, and the cursor of the last page.
 */
export function usePages<P extends CursorPage>(
  service: ServiceName,
  path: string,
  key: string,
  list: 'items' | 'entries' = 'items',
): Pages<P> {
  const { api } = useApp();
  const first = useLoad((client) => client.get<P>(service, path), key);
  const [extra, setExtra] = useState<Extra<P>>({
    first: undefined,
    rows: [],
    cursor: null,
    pages: 1,
    loading: false,
  });
  const base = first.data;
  const current: Extra<P> =
    extra.first === base && base !== undefined
      ? extra
      : { first: base, rows: [], cursor: base?.nextCursor ?? null, pages: 1, loading: false };
  const rowsOf = (page: P) => (page as unknown as Record<string, unknown[]>)[list] ?? [];

  const load = () => {
    if (!base || !current.cursor || current.loading) return;
    setExtra({ ...current, loading: true, error: undefined });
    api.get<P>(service, withCursor(path, current.cursor)).then(
      (answer) =>
        setExtra((s) =>
          // An answer for a list that has since changed (new filters, a reload) is dropped.
          s.first !== base
            ? s
            : {
                first: base,
                rows: [...s.rows, ...rowsOf(answer.body)],
                cursor: answer.body.nextCursor,
                pages: s.pages + 1,
                loading: false,
              },
        ),
      (error: Error) => setExtra((s) => (s.first !== base ? s : { ...s, loading: false, error })),
    );
  };

  const data =
    base === undefined
      ? undefined
      : ({ ...base, [list]: [...rowsOf(base), ...current.rows], nextCursor: current.cursor } as P);
  return {
    ...first,
    data,
    more: {
      next: current.cursor !== null,
      pages: current.pages,
      loading: current.loading,
      error: current.error,
      load,
    },
  };
}
