import fc from 'fast-check';
import { BANDS_2022_LEVEL, monthRefusionExact, refusionByMonth, yearRefusion } from './bands';

const kr = (k: number) => k * 100;
const evenly = (yearOre: number) => {
  const base = Math.floor(yearOre / 12);
  return Array.from({ length: 12 }, (_, i) => base + (i < yearOre - base * 12 ? 1 : 0));
};
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('refusion bands (SEL § 176 / Barnets lov § 198)', () => {
  it('refunds 710 000 kr of a yearly net expense of 2 500 000 kr at the 2022-level amounts, spread evenly', () => {
    expect(sum(refusionByMonth(evenly(kr(2_500_000)), BANDS_2022_LEVEL))).toBe(kr(710_000));
  });

  it('computes the yearly law example the same way: 205 000 + 220 000 + 285 000 kr', () => {
    expect(yearRefusion(kr(2_500_000), BANDS_2022_LEVEL)).toBe(kr(710_000));
  });

  it('monthly against yearly: equal when every month is in the same band, lower when expense is uneven', () => {
    const even = evenly(kr(1_200_000));
    expect(sum(refusionByMonth(even, BANDS_2022_LEVEL))).toBe(yearRefusion(kr(1_200_000), BANDS_2022_LEVEL));
    // 1 200 000 kr in six months: each month is far above 1/12 of every threshold, so the month rule refunds more.
    const lumpy = [...new Array<number>(6).fill(kr(200_000)), ...new Array<number>(6).fill(0)];
    expect(sum(refusionByMonth(lumpy, BANDS_2022_LEVEL))).toBeGreaterThan(
      yearRefusion(kr(1_200_000), BANDS_2022_LEVEL),
    );
  });

  it('refunds nothing at or below 1/12 of the lowest threshold, and nothing for a negative month', () => {
    expect(monthRefusionExact(Math.floor(kr(860_000) / 12), BANDS_2022_LEVEL)).toBe(0n);
    expect(monthRefusionExact(-kr(1000), BANDS_2022_LEVEL)).toBe(0n);
  });

  it('rounds once per line: the months add up to the rounded exact total', () => {
    const months = [kr(100_000) + 1, kr(150_000) + 7, kr(180_000) + 3];
    const exact = months.reduce((a, m) => a + monthRefusionExact(m, BANDS_2022_LEVEL), 0n);
    const total = sum(refusionByMonth(months, BANDS_2022_LEVEL));
    expect(Math.abs(total * 120_000 - Number(exact))).toBeLessThanOrEqual(60_000);
  });

  describe('property: for random monthly expenses', () => {
    const month = fc.integer({ min: -kr(50_000), max: kr(600_000) });
    const year = fc.array(month, { minLength: 12, maxLength: 12 });

    it('refusion is monotone in expense', () => {
      fc.assert(
        fc.property(
          year,
          fc.integer({ min: 0, max: 11 }),
          fc.integer({ min: 0, max: kr(100_000) }),
          (ys, i, more) => {
            const higher = ys.map((y, j) => (j === i ? y + more : y));
            return (
              sum(refusionByMonth(higher, BANDS_2022_LEVEL)) >= sum(refusionByMonth(ys, BANDS_2022_LEVEL))
            );
          },
        ),
      );
    });

    it('never exceeds the expense, month by month and in total', () => {
      fc.assert(
        fc.property(year, (ys) => {
          const r = refusionByMonth(ys, BANDS_2022_LEVEL);
          return (
            sum(r) <= sum(ys.map((y) => Math.max(0, y))) && r.every((x, i) => x <= Math.max(0, ys[i]!) + 1)
          );
        }),
      );
    });

    it('the year-to-date total of a quarter is the start of the next quarter’s (claims reconcile)', () => {
      fc.assert(
        fc.property(year, (ys) => {
          const q2 = refusionByMonth(ys.slice(0, 6), BANDS_2022_LEVEL);
          const q3 = refusionByMonth(ys.slice(0, 9), BANDS_2022_LEVEL);
          return sum(q3.slice(0, 6)) === sum(q2);
        }),
      );
    });
  });
});
