import type { PgDatabase } from '@platform/persistence';
import type { Response } from 'express';
import { csvCell, csvLine, streamExport } from './export-stream';

describe('CSV for Danish spreadsheets', () => {
  it('separates cells with ; and quotes a cell with ;, " or a line break, doubling the quote', () => {
    expect(csvLine(['Aarhus', 751, true, null])).toBe('Aarhus;751;true;\n');
    expect(csvCell('Afviger; se "notat"')).toBe('"Afviger; se ""notat"""');
    expect(csvCell('to\nlinjer')).toBe('"to\nlinjer"');
  });

  it('keeps æ, ø and å as they are (the response is UTF-8)', () => {
    expect(csvCell('Rådgivning fulgt i Østdanmark, Sjælland')).toBe(
      'Rådgivning fulgt i Østdanmark, Sjælland',
    );
  });

  it('never lets text start a formula, but writes a negative amount as a number', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('-5')).toBe("'-5");
    expect(csvCell(-500)).toBe('-500');
  });
});

describe('streamExport and its observer', () => {
  interface Row {
    id: number;
    who: string;
  }
  const columns = [
    { name: 'id', value: (r: Row) => r.id },
    { name: 'who', value: (r: Row) => r.who },
  ];

  /** A database whose cursor yields the batches in turn (then nothing), and a response that records its chunks. */
  function fixture(batches: Row[][], failAfter?: number) {
    const chunks: string[] = [];
    let fetches = 0;
    const tx = {
      query: async ({ text }: { text: string }) => {
        if (!text.startsWith('FETCH')) return { rows: [] };
        if (failAfter !== undefined && fetches === failAfter) throw new Error('connection lost');
        return { rows: batches[fetches++] ?? [] };
      },
    };
    const db = { $transaction: (fn: (t: typeof tx) => Promise<void>) => fn(tx) } as unknown as PgDatabase;
    const res = {
      destroyed: false,
      ended: false,
      status: () => res,
      type: () => res,
      setHeader: () => res,
      write: (chunk: string) => chunks.push(chunk) > 0,
      end: (chunk?: string) => {
        if (chunk) chunks.push(chunk);
        res.ended = true;
      },
    };
    return { db, res, chunks };
  }

  /** An observer that keeps what it saw, and whether the response had ended when it was done. */
  function observer(res: { ended: boolean }) {
    const seen: string[] = [];
    const done: boolean[] = [];
    return {
      seen,
      done,
      observer: {
        row: (r: Row) => seen.push(r.who),
        done: async () => {
          done.push(res.ended);
        },
      },
    };
  }

  it('shows the observer every row written, across batches, and is done once before the response ends', async () => {
    const { db, res, chunks } = fixture([
      [
        { id: 1, who: 'a' },
        { id: 2, who: 'b' },
      ],
      [{ id: 3, who: 'a' }],
    ]);
    const o = observer(res);
    await streamExport(
      res as unknown as Response,
      db,
      { text: 'SELECT', values: [] },
      columns,
      'json',
      'x',
      o.observer,
    );
    expect(o.seen).toEqual(['a', 'b', 'a']);
    expect(o.done).toEqual([false]);
    expect(JSON.parse(chunks.join(''))).toEqual([
      { id: 1, who: 'a' },
      { id: 2, who: 'b' },
      { id: 3, who: 'a' },
    ]);
  });

  it('is done with the rows that left when the export fails half way, and the failure is not swallowed', async () => {
    const { db, res } = fixture([[{ id: 1, who: 'a' }], [{ id: 2, who: 'b' }]], 1);
    const o = observer(res);
    await expect(
      streamExport(
        res as unknown as Response,
        db,
        { text: 'SELECT', values: [] },
        columns,
        'csv',
        'x',
        o.observer,
      ),
    ).rejects.toThrow('connection lost');
    expect(o.seen).toEqual(['a']);
    expect(o.done).toEqual([false]);
    expect(res.ended).toBe(false);
  });

  it('does not end the response when the observer cannot record what was exported', async () => {
    const { db, res } = fixture([[{ id: 1, who: 'a' }]]);
    const failing = { row: () => undefined, done: () => Promise.reject(new Error('audit unavailable')) };
    await expect(
      streamExport(
        res as unknown as Response,
        db,
        { text: 'SELECT', values: [] },
        columns,
        'csv',
        'x',
        failing,
      ),
    ).rejects.toThrow('audit unavailable');
    expect(res.ended).toBe(false);
  });
});
