import { dateOf, dayOf } from './date-column';
import { newestFirst } from './newest-first';

describe('a DATE column', () => {
  it('reads as the calendar day of its UTC midnight, and back', () => {
    expect(dayOf(new Date('2026-03-29T00:00:00Z'))).toBe('2026-03-29');
    expect(dateOf('2026-03-29').toISOString()).toBe('2026-03-29T00:00:00.000Z');
  });
});

describe('a newest-first page', () => {
  it('starts at the top without a cursor', () => {
    expect(newestFirst(undefined).where).toEqual({});
  });

  it('continues after the cursor row: older, or as old with a smaller id', () => {
    const at = new Date('2026-01-15T09:30:00Z');
    expect(newestFirst({ at, id: 'b' })).toEqual({
      where: { OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: 'b' } }] },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    });
  });
});
