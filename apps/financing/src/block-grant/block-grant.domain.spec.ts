import { allocateGrant, WeightsDoNotMatchRegions } from './block-grant.domain';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('block grants', () => {
  it('go to the five regions in 2026, with instalments that add up to each share and shares to the total', () => {
    const total = 1_234_567_890_01;
    const a = allocateGrant(2026, total, { '1081': 10, '1082': 23, '1083': 21, '1084': 32, '1085': 14 });
    expect(a.map((x) => x.regionCode)).toEqual(['1081', '1082', '1083', '1084', '1085']);
    expect(sum(a.map((x) => x.amountOre))).toBe(total);
    for (const x of a) expect(sum(x.instalments)).toBe(x.amountOre);
  });

  it('go to Østdanmark from 2027, and refuse weights for Hovedstaden or Sjælland that year', () => {
    const a = allocateGrant(2027, 100_000, { '1081': 1, '1082': 1, '1083': 1, '1086': 1 });
    expect(a.map((x) => x.regionCode)).toEqual(['1081', '1082', '1083', '1086']);
    expect(() =>
      allocateGrant(2027, 100_000, { '1081': 1, '1082': 1, '1083': 1, '1084': 1, '1085': 1 }),
    ).toThrow(WeightsDoNotMatchRegions);
  });
});
