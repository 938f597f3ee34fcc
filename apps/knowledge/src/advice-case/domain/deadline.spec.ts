import { danishPublicHolidays } from '@platform/domain';
import { adviceDeadline, countdown, endOfDanishDay, isOnTime, isOverdue, workingDaysFor } from './deadline';

/** Noon in Denmark on a day (10:00 or 11:00 UTC): the day of opening is that Danish day. */
const noon = (day: string) => new Date(`${day}T10:00:00Z`);

describe('advice deadline in working days', () => {
  it('skips the weekend: 1 working day from a Friday is the Monday', () => {
    expect(adviceDeadline(noon('2026-03-06'), 1).dueDate).toBe('2026-03-09');
    expect(adviceDeadline(noon('2026-03-07'), 1).dueDate).toBe('2026-03-09'); // opened on a Saturday
    expect(adviceDeadline(noon('2026-03-02'), 10).dueDate).toBe('2026-03-16'); // two whole weeks
  });

  it('does not count the day of opening, whatever day it is', () => {
    expect(adviceDeadline(noon('2026-03-02'), 0).dueDate).toBe('2026-03-02');
    expect(adviceDeadline(noon('2026-03-02'), 1).dueDate).toBe('2026-03-03');
  });

  // Each public holiday of 2026 that falls on a weekday: a deadline of 1 working day from the working day
  // before it skips it (and, for Easter and Whitsun, the days around it).
  it.each([
    ['Nytårsdag', '2025-12-31', '2026-01-02'],
    ['Skærtorsdag', '2026-04-01', '2026-04-07'], // skærtorsdag, langfredag, weekend, 2. påskedag
    ['Langfredag', '2026-04-02', '2026-04-07'],
    ['2. påskedag', '2026-04-03', '2026-04-07'],
    ['Kristi himmelfartsdag', '2026-05-13', '2026-05-15'],
    ['2. pinsedag', '2026-05-22', '2026-05-26'],
    ['Juledag', '2026-12-24', '2026-12-28'], // juledag and 2. juledag are Friday and Saturday
  ])('skips %s', (_name, opened, due) => {
    expect(adviceDeadline(noon(opened), 1).dueDate).toBe(due);
  });

  it('skips Påskedag and Pinsedag (Sundays) and 2. juledag on a weekday in 2027', () => {
    // 2027: Easter Sunday 28 March; Whit Sunday 16 May; 2. juledag Sunday 26 December, juledag Saturday
    expect(adviceDeadline(noon('2027-03-24'), 1).dueDate).toBe('2027-03-30');
    expect(adviceDeadline(noon('2027-05-14'), 1).dueDate).toBe('2027-05-18');
    // 2028: juledag Monday 25 and 2. juledag Tuesday 26 December
    expect(adviceDeadline(noon('2028-12-22'), 1).dueDate).toBe('2028-12-27');
  });

  it('never ends on a public holiday or a weekend, over five years of every start and length', () => {
    const holidays = new Set(
      [2026, 2027, 2028, 2029, 2030].flatMap((y) => danishPublicHolidays(y).map((h) => h.date)),
    );
    for (let d = 0; d < 365 * 4; d += 3) {
      const opened = new Date(Date.parse('2026-01-01T11:00:00Z') + d * 86_400_000);
      for (const days of [1, 5, 10, 20]) {
        const { dueDate } = adviceDeadline(opened, days);
        const weekday = new Date(`${dueDate}T00:00:00Z`).getUTCDay();
        expect({ dueDate, holiday: holidays.has(dueDate), weekend: weekday === 0 || weekday === 6 }).toEqual({
          dueDate,
          holiday: false,
          weekend: false,
        });
      }
    }
  });

  it('does not skip days that are not public holidays in law (grundlovsdag, 24 and 31 December)', () => {
    expect(adviceDeadline(noon('2026-06-04'), 1).dueDate).toBe('2026-06-05'); // grundlovsdag, a Friday
    expect(adviceDeadline(noon('2026-12-23'), 1).dueDate).toBe('2026-12-24');
    expect(adviceDeadline(noon('2026-12-30'), 1).dueDate).toBe('2026-12-31');
  });

  it('takes the Danish day of opening: 00:30 in Copenhagen is already the next day', () => {
    // 2026-03-05 23:30 UTC is Friday 2026-03-06 00:30 in Copenhagen
    expect(adviceDeadline(new Date('2026-03-05T23:30:00Z'), 1)).toMatchObject({
      caseDate: '2026-03-06',
      dueDate: '2026-03-09',
    });
  });

  it('ends at Danish midnight, in winter and in summer time', () => {
    expect(endOfDanishDay('2026-03-09').toISOString()).toBe('2026-03-09T23:00:00.000Z');
    expect(endOfDanishDay('2026-06-15').toISOString()).toBe('2026-06-15T22:00:00.000Z');
    expect(endOfDanishDay('2026-03-28').toISOString()).toBe('2026-03-28T23:00:00.000Z'); // before the switch
    expect(endOfDanishDay('2026-03-29').toISOString()).toBe('2026-03-29T22:00:00.000Z'); // switch day
  });
});

describe('the rule set', () => {
  const rules = [
    { targetGroup: '*', workingDays: 10 },
    { targetGroup: 'VISION', workingDays: 5 },
  ];
  it('uses the target group row, else the default', () => {
    expect(workingDaysFor(rules, 'VISION')).toBe(5);
    expect(workingDaysFor(rules, 'AUTISM')).toBe(10);
  });
  it('refuses a rule set without a default', () => {
    expect(() => workingDaysFor([], 'AUTISM')).toThrow(/default/);
  });
});

describe('overdue detection', () => {
  const dueAt = new Date('2026-03-09T23:00:00Z');
  const before = new Date('2026-03-09T22:59:59.999Z');
  it('is overdue from the deadline on, while open and unanswered', () => {
    expect(isOverdue({ dueAt, adviceGivenAt: null, open: true }, before)).toBe(false);
    expect(isOverdue({ dueAt, adviceGivenAt: null, open: true }, dueAt)).toBe(true);
  });
  it('is never overdue once answered or closed', () => {
    expect(isOverdue({ dueAt, adviceGivenAt: before, open: false }, new Date('2026-04-01'))).toBe(false);
    expect(isOverdue({ dueAt, adviceGivenAt: null, open: false }, new Date('2026-04-01'))).toBe(false);
  });
  it('calls advice on time only before the deadline ended', () => {
    expect(isOnTime(dueAt, before)).toBe(true);
    expect(isOnTime(dueAt, dueAt)).toBe(false);
  });
  it('counts down in working days: 0 on the last day, negative after', () => {
    const deadline = { dueDate: '2026-03-09', dueAt };
    expect(countdown(deadline, null, noon('2026-03-06'))).toEqual({ workingDaysLeft: 1, overdue: false });
    expect(countdown(deadline, null, noon('2026-03-09'))).toEqual({ workingDaysLeft: 0, overdue: false });
    expect(countdown(deadline, null, noon('2026-03-11'))).toEqual({ workingDaysLeft: -2, overdue: true });
  });
});
