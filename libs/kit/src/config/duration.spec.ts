import { z } from 'zod';
import { isoDuration, parseIsoDuration } from './duration';

describe('ISO-8601 durations in settings', () => {
  it.each([
    ['PT90S', 90_000],
    ['PT2M', 120_000],
    ['PT1H30M', 5_400_000],
    ['P14D', 14 * 86_400_000],
    ['P1W', 7 * 86_400_000],
    ['P1DT2H3M4S', 86_400_000 + 7_200_000 + 180_000 + 4_000],
  ])('reads %s as %d ms', (text, ms) => {
    expect(parseIsoDuration(text)).toBe(ms);
  });

  it.each(['', 'P', 'PT', '90', '90s', 'pt90s', 'PT1.5S', 'P1M', 'P1Y', 'PT-5S', 'P1DT', 'T5S', 'PT5S5M'])(
    'refuses %j (no fixed length, no parts, or not ISO-8601)',
    (text) => {
      expect(parseIsoDuration(text)).toBeUndefined();
    },
  );

  const setting = z.object({ WAIT: isoDuration({ minMs: 1_000, maxMs: 86_400_000 }) });

  it('gives milliseconds within the bounds', () => {
    expect(setting.parse({ WAIT: 'PT45S' })).toEqual({ WAIT: 45_000 });
    expect(setting.parse({ WAIT: 'P1D' })).toEqual({ WAIT: 86_400_000 });
  });

  it('names the problem of a bad or out-of-range value, never the value', () => {
    const problem = (value: string) => setting.safeParse({ WAIT: value }).error?.issues[0]?.message;
    expect(problem('soon')).toMatch(/must be an ISO-8601 duration/);
    expect(problem('PT0S')).toBe('must lie between 1 s and 1 day');
    expect(problem('P2D')).toBe('must lie between 1 s and 1 day');
  });
});
