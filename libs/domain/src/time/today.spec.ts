import { todayInDenmark } from './today';

describe('today in Denmark', () => {
  it('is the Copenhagen day, one hour ahead of UTC in winter', () => {
    expect(todayInDenmark(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31');
    expect(todayInDenmark(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });

  it('is two hours ahead of UTC in summer time', () => {
    expect(todayInDenmark(new Date('2026-06-30T21:59:59Z'))).toBe('2026-06-30');
    expect(todayInDenmark(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
  });

  it('follows the switch to summer time on the last Sunday of March', () => {
    // 2026-03-29 01:00 UTC: clocks go from 02:00 to 03:00 in Copenhagen.
    expect(todayInDenmark(new Date('2026-03-28T22:59:59Z'))).toBe('2026-03-28');
    expect(todayInDenmark(new Date('2026-03-28T23:00:00Z'))).toBe('2026-03-29');
    expect(todayInDenmark(new Date('2026-03-29T21:59:59Z'))).toBe('2026-03-29');
    expect(todayInDenmark(new Date('2026-03-29T22:00:00Z'))).toBe('2026-03-30');
  });

  it('uses the current instant when none is given', () => {
    const before = todayInDenmark(new Date());
    const today = todayInDenmark();
    const after = todayInDenmark(new Date());
    expect([before, after]).toContain(today);
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
