import { addDays, compareDates, daysBetween, isIsoDate, isoWeekday, isWithin } from './calendar-date';

describe('calendar dates', () => {
  it('accepts 29 February in a leap year and refuses it otherwise', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2026-02-29')).toBe(false);
  });

  it('refuses days and months that do not exist and other formats', () => {
    for (const bad of [
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '2026-1-01',
      '20260101',
      '2026-01-01T00:00:00Z',
      20260101,
    ]) {
      expect(isIsoDate(bad)).toBe(false);
    }
  });

  it('adds days across a month, a leap day and a year end', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30'); // across the DST change in Denmark
  });

  it('compares and counts days between dates', () => {
    expect(compareDates('2026-12-31', '2027-01-01')).toBeLessThan(0);
    expect(compareDates('2027-01-01', '2027-01-01')).toBe(0);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });

  it('treats a validity period as inclusive from and exclusive to', () => {
    expect(isWithin('2026-12-31', '2007-01-01', '2027-01-01')).toBe(true);
    expect(isWithin('2027-01-01', '2007-01-01', '2027-01-01')).toBe(false);
    expect(isWithin('2099-01-01', '2027-01-01')).toBe(true);
  });

  it('numbers the weekdays from Monday 1 to Sunday 7', () => {
    expect(isoWeekday('2026-04-06')).toBe(1);
    expect(isoWeekday('2026-04-11')).toBe(6);
    expect(isoWeekday('2026-04-12')).toBe(7);
    expect(isoWeekday('2024-02-29')).toBe(4);
  });

  it('throws a domain error for a malformed date', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });
});
