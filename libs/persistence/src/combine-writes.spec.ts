import { combineWrites } from './pg-database';

describe('combineWrites (deferred writes sent as one statement before COMMIT)', () => {
  it('sends a single write as it is', () => {
    const one = { text: 'UPDATE t SET a = $1 WHERE id = $2', values: [1, 'x'] };
    expect(combineWrites([one])).toBe(one);
  });

  it('joins writes into one WITH statement and renumbers their parameters', () => {
    const combined = combineWrites([
      { text: 'INSERT INTO a (x, y) VALUES ($1, $2::jsonb)', values: ['p', '{}'] },
      { text: 'UPDATE b SET z = $1 WHERE k = $2 AND m = $3', values: [3, 'k', 'm'] },
    ]);
    expect(combined).toEqual({
      text:
        'WITH d0 AS (INSERT INTO a (x, y) VALUES ($1, $2::jsonb)), ' +
        'd1 AS (UPDATE b SET z = $3 WHERE k = $4 AND m = $5) SELECT 1',
      values: ['p', '{}', 3, 'k', 'm'],
    });
  });

  it('renumbers two-digit parameters whole', () => {
    const eleven = Array.from({ length: 11 }, (_, i) => `$${i + 1}`).join(', ');
    const combined = combineWrites([
      { text: 'UPDATE a SET x = $1', values: [0] },
      { text: `INSERT INTO b VALUES (${eleven})`, values: Array.from({ length: 11 }, (_, i) => i) },
    ]);
    expect(combined.text).toContain('VALUES ($2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)');
  });
});
