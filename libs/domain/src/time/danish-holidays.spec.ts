import { danishPublicHolidays, isDanishPublicHoliday } from './danish-holidays';

describe('Danish public holidays (helligdage)', () => {
  it('lists the holidays of 2026 in date order with their Danish names', () => {
    expect(danishPublicHolidays(2026)).toEqual([
      { date: '2026-01-01', name: 'Nytårsdag' },
      { date: '2026-04-02', name: 'Skærtorsdag' },
      { date: '2026-04-03', name: 'Langfredag' },
      { date: '2026-04-05', name: 'Påskedag' },
      { date: '2026-04-06', name: '2. påskedag' },
      { date: '2026-05-14', name: 'Kristi himmelfartsdag' },
      { date: '2026-05-24', name: 'Pinsedag' },
      { date: '2026-05-25', name: '2. pinsedag' },
      { date: '2026-12-25', name: 'Juledag' },
      { date: '2026-12-26', name: '2. juledag' },
    ]);
  });

  it('has store bededag up to and including 2023, the fourth Friday after Easter', () => {
    const holidays2023 = danishPublicHolidays(2023);
    expect(holidays2023).toHaveLength(11);
    expect(holidays2023).toContainEqual({ date: '2023-05-05', name: 'Store bededag' });
    expect(isDanishPublicHoliday('2023-05-05')).toBe(true);
    expect(isDanishPublicHoliday('2022-05-13')).toBe(true);
  });

  it('has no store bededag from 2024, when it was abolished', () => {
    expect(danishPublicHolidays(2024).map((h) => h.name)).not.toContain('Store bededag');
    expect(danishPublicHolidays(2024)).toHaveLength(10);
    expect(isDanishPublicHoliday('2024-04-26')).toBe(false);
  });

  it('moves the Easter holidays with Easter, also across March and April', () => {
    expect(danishPublicHolidays(2024).slice(1, 5)).toEqual([
      { date: '2024-03-28', name: 'Skærtorsdag' },
      { date: '2024-03-29', name: 'Langfredag' },
      { date: '2024-03-31', name: 'Påskedag' },
      { date: '2024-04-01', name: '2. påskedag' },
    ]);
    expect(isDanishPublicHoliday('2025-05-29')).toBe(true); // Kristi himmelfartsdag 2025
    expect(isDanishPublicHoliday('2027-05-17')).toBe(true); // 2. pinsedag 2027
  });

  it('leaves out grundlovsdag, juleaftensdag, nytårsaftensdag and 1. maj, which are not holidays in law', () => {
    for (const date of ['2026-06-05', '2026-12-24', '2026-12-31', '2026-05-01']) {
      expect(isDanishPublicHoliday(date)).toBe(false);
    }
  });

  it('does not let a caller change the calendar for everyone', () => {
    const holidays = danishPublicHolidays(2026) as { date: string; name: string }[];
    expect(() => holidays.push({ date: '2026-06-05', name: 'Grundlovsdag' })).toThrow(TypeError);
    expect(() => {
      holidays[0].date = '2026-06-05';
    }).toThrow(TypeError);
    expect(isDanishPublicHoliday('2026-06-05')).toBe(false);
  });

  it('refuses years outside the modelled calendar and malformed dates', () => {
    expect(() => danishPublicHolidays(1899)).toThrow(RangeError);
    expect(() => danishPublicHolidays(2026.5)).toThrow(RangeError);
    expect(() => isDanishPublicHoliday('2026-02-30')).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE' }),
    );
  });
});
