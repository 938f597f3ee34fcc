import {
  allocateGrant,
  grantWeights,
  NoPopulationReference,
  WeightsDoNotMatchRegions,
  WeightsRequired,
} from './block-grant.domain';

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

  it('a POPULATION key without weights takes the regions’ population on 1 January (FOLK1A), 2027 with Østdanmark', () => {
    const { weights, source } = grantWeights(2027, 'POPULATION', undefined);
    expect(weights).toEqual({ '1081': 593_135, '1082': 1_365_688, '1083': 1_238_406, '1086': 2_764_020 });
    expect(source).toMatch(/^FOLK1A 2024-01-01: /);
    const a = allocateGrant(2027, 1_200_000_000_00, weights);
    expect(sum(a.map((x) => x.amountOre))).toBe(1_200_000_000_00);
    expect(a.find((x) => x.regionCode === '1086')!.weight).toBe('2764020');
  });

  it('keeps the state’s weights when given, and refuses a key it cannot compute', () => {
    expect(grantWeights(2026, 'POPULATION', { '1081': 1 })).toEqual({ weights: { '1081': 1 }, source: null });
    expect(() => grantWeights(2018, 'POPULATION', undefined)).toThrow(NoPopulationReference);
    expect(() => grantWeights(2026, 'NEED', undefined)).toThrow(WeightsRequired);
  });
});
