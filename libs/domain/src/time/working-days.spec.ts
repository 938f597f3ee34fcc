import fc from 'fast-check';
import { addDays, isoWeekday } from './calendar-date';
import { danishPublicHolidays } from './danish-holidays';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days';

describe('working days (arbejdsdage)', () => {
  it('are Monday to Friday except public holidays', () => {
    expect(isWorkingDay('2026-04-01')).toBe(true); // Wednesday before Easter
    expect(isWorkingDay('2026-04-02')).toBe(false); // Skærtorsdag
    expect(isWorkingDay('2026-04-04')).toBe(false); // Saturday
    expect(isWorkingDay('2026-04-05')).toBe(false); // Sunday and Påskedag
    expect(isWorkingDay('2026-05-14')).toBe(false); // Kristi himmelfartsdag
    expect(isWorkingDay('2026-05-15')).toBe(true); // the Friday after is a working day in law
  });

  it('count store bededag as a holiday in 2023 but not from 2024', () => {
    expect(isWorkingDay('2023-05-05')).toBe(false);
    expect(isWorkingDay('2024-04-26')).toBe(true);
  });

  it('include grundlovsdag, juleaftensdag and nytårsaftensdag on weekdays', () => {
    expect(isWorkingDay('2026-06-05')).toBe(true);
    expect(isWorkingDay('2026-12-24')).toBe(true);
    expect(isWorkingDay('2026-12-31')).toBe(true);
  });

  it('number 254 in 2026', () => {
    expect(workingDaysBetween('2025-12-31', '2026-12-31')).toBe(254);
  });
});

describe('adding working days (fristberegning)', () => {
  it('does not count the given date and skips the weekend', () => {
    expect(addWorkingDays('2026-04-10', 3)).toBe('2026-04-15'); // Friday + 3 = Wednesday
    expect(addWorkingDays('2026-04-11', 1)).toBe('2026-04-13'); // from a Saturday
  });

  it('skips the whole of Easter 2026 (Thursday, Friday, Sunday and Monday)', () => {
    expect(addWorkingDays('2026-04-01', 1)).toBe('2026-04-07');
    expect(addWorkingDays('2026-04-01', 3)).toBe('2026-04-09');
    expect(addWorkingDays('2026-03-25', 10)).toBe('2026-04-13');
  });

  it('skips Kristi himmelfartsdag, 2. pinsedag and Christmas', () => {
    expect(addWorkingDays('2026-05-13', 1)).toBe('2026-05-15');
    expect(addWorkingDays('2026-05-22', 1)).toBe('2026-05-26');
    expect(addWorkingDays('2026-12-23', 1)).toBe('2026-12-24');
    expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-28');
    expect(addWorkingDays('2026-12-31', 1)).toBe('2027-01-04'); // across the year and nytårsdag
  });

  it('skips store bededag in 2023 only', () => {
    expect(addWorkingDays('2023-05-04', 1)).toBe('2023-05-08');
    expect(addWorkingDays('2024-04-25', 1)).toBe('2024-04-26');
  });

  it('returns the date itself for 0 days, even when it is not a working day', () => {
    expect(addWorkingDays('2026-04-04', 0)).toBe('2026-04-04');
    expect(addWorkingDays('2026-04-07', 0)).toBe('2026-04-07');
  });

  it('refuses a negative or fractional number of days and a malformed date', () => {
    expect(() => addWorkingDays('2026-04-01', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-04-01', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-04-31', 1)).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });

  const anyDate = fc.integer({ min: 0, max: 73_000 }).map((offset) => addDays('1900-01-01', offset));
  const holidaysOf = (date: string) => danishPublicHolidays(Number(date.slice(0, 4))).map((h) => h.date);

  it('never lands on a weekend or a public holiday', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 400 }), (date, days) => {
        const due = addWorkingDays(date, days);
        expect(isoWeekday(due)).toBeLessThanOrEqual(5);
        expect(holidaysOf(due)).not.toContain(due);
      }),
    );
  });

  it('lands on the first day on which the count is reached', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 400 }), (date, days) => {
        const due = addWorkingDays(date, days);
        expect(workingDaysBetween(date, due)).toBe(days);
        expect(workingDaysBetween(date, addDays(due, -1))).toBe(days - 1);
      }),
    );
  });
});

describe('working days between two dates', () => {
  it('counts the days after from, up to and including to', () => {
    expect(workingDaysBetween('2026-04-01', '2026-04-09')).toBe(3);
    expect(workingDaysBetween('2026-04-10', '2026-04-15')).toBe(3);
    expect(workingDaysBetween('2026-04-03', '2026-04-06')).toBe(0); // Langfredag to 2. påskedag
  });

  it('is 0 for the same date and negative when to is earlier', () => {
    expect(workingDaysBetween('2026-04-09', '2026-04-09')).toBe(0);
    expect(workingDaysBetween('2026-04-09', '2026-04-01')).toBe(-3);
  });

  it('refuses a malformed date', () => {
    expect(() => workingDaysBetween('2026-13-01', '2026-04-01')).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE' }),
    );
  });
});
