import { isAdviceOverdue } from './advice-deadline';

const due = new Date('2026-03-10T12:00:00Z');
const after = new Date('2026-03-10T12:00:01Z');

describe('advice deadline', () => {
  it('is not overdue before or exactly at the deadline', () => {
    expect(isAdviceOverdue({ adviceDueAt: due, now: new Date('2026-03-09T12:00:00Z') })).toBe(false);
    expect(isAdviceOverdue({ adviceDueAt: due, now: due })).toBe(false);
  });

  it('is overdue after the deadline while no advice has been given', () => {
    expect(isAdviceOverdue({ adviceDueAt: due, adviceGivenAt: null, now: after })).toBe(true);
  });

  it('is no longer overdue once advice is given, even late', () => {
    expect(
      isAdviceOverdue({ adviceDueAt: due, adviceGivenAt: after, now: new Date('2026-04-01T00:00:00Z') }),
    ).toBe(false);
  });

  it('is never overdue without a deadline', () => {
    expect(isAdviceOverdue({ adviceDueAt: null, now: after })).toBe(false);
    expect(isAdviceOverdue({ now: after })).toBe(false);
  });
});
