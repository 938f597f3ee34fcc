import { timelineOf, type RecordedChange } from './responsibility-timeline';

const at = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, n));
const change = (
  effectiveFrom: string,
  responsibility: 'MUNICIPAL' | 'REGIONAL',
  n: number,
): RecordedChange => ({
  targetGroup: 'VISION',
  responsibility,
  effectiveFrom,
  recordedAt: at(n),
});

describe('the responsibility of a target group on a date', () => {
  it('is MUNICIPAL until its first change takes effect', () => {
    const changes = [change('2026-01-01', 'REGIONAL', 1)];
    expect(timelineOf(changes, 'VISION', '2025-12-31').responsibility).toBe('MUNICIPAL');
    expect(timelineOf(changes, 'VISION', '2026-01-01').responsibility).toBe('REGIONAL');
    expect(timelineOf(changes, 'AUTISM', '2026-06-01')).toEqual({
      responsibility: 'MUNICIPAL',
      timeline: [],
    });
  });

  it('follows the timeline by effective date, whatever order the changes were recorded in', () => {
    const changes = [change('2028-01-01', 'MUNICIPAL', 1), change('2026-01-01', 'REGIONAL', 2)];
    expect(timelineOf(changes, 'VISION', '2027-06-01').responsibility).toBe('REGIONAL');
    expect(timelineOf(changes, 'VISION', '2028-01-01').responsibility).toBe('MUNICIPAL');
    expect(timelineOf(changes, 'VISION', '2027-06-01').timeline.map((s) => s.effectiveFrom)).toEqual([
      '2026-01-01',
      '2028-01-01',
    ]);
  });

  it('lets the later of two changes with the same effective date win, and marks the earlier corrected', () => {
    const changes = [change('2026-01-01', 'REGIONAL', 1), change('2026-01-01', 'MUNICIPAL', 2)];
    const { responsibility, timeline } = timelineOf(changes, 'VISION', '2026-02-01');
    expect(responsibility).toBe('MUNICIPAL');
    expect(timeline.map((s) => [s.responsibility, s.corrected])).toEqual([
      ['REGIONAL', true],
      ['MUNICIPAL', false],
    ]);
  });
});
