import {
  assertNotRetroactive,
  earliestAllowedFrom,
  RetroactiveResponsibilityChangeError,
} from './retroactivity';

const today = '2026-11-26';
const none = { count: 0, latest: null };

describe('a responsibility change is never retroactive over decided placements', () => {
  it('allows a change from today or later, whatever was decided', () => {
    const decided = { count: 3, latest: '2026-11-26' };
    expect(() =>
      assertNotRetroactive({ targetGroup: 'VISION', effectiveFrom: today, today, decided }),
    ).not.toThrow();
    expect(() =>
      assertNotRetroactive({ targetGroup: 'VISION', effectiveFrom: '2027-01-01', today, decided }),
    ).not.toThrow();
  });

  it('allows a change dated back while nothing of the target group was decided since', () => {
    expect(() =>
      assertNotRetroactive({ targetGroup: 'VISION', effectiveFrom: '2026-01-01', today, decided: none }),
    ).not.toThrow();
  });

  it('refuses a change dated back over a decided placement, naming the earliest date allowed', () => {
    const decided = { count: 2, latest: '2026-03-14' };
    let error: unknown;
    try {
      assertNotRetroactive({ targetGroup: 'VISION', effectiveFrom: '2026-01-01', today, decided });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RetroactiveResponsibilityChangeError);
    expect((error as RetroactiveResponsibilityChangeError).details).toMatchObject({
      decidedReferrals: 2,
      latestDecision: '2026-03-14',
      earliestAllowed: '2026-03-15',
    });
    expect((error as Error).message).toMatch(/never applies retroactively/);
  });

  it('never suggests a date after today', () => {
    expect(earliestAllowedFrom({ count: 1, latest: '2026-12-01' }, today)).toBe(today);
    expect(earliestAllowedFrom({ count: 1, latest: '2026-11-25' }, today)).toBe(today);
    expect(earliestAllowedFrom({ count: 1, latest: '2026-11-24' }, today)).toBe('2026-11-25');
    expect(earliestAllowedFrom(none, today)).toBe(today);
  });
});
