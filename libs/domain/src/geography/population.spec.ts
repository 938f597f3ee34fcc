import { populationWeights, REGION_POPULATION } from './population';

describe('population weights for the block grant key', () => {
  it('take the latest reference on or before 1 January of the year', () => {
    expect(populationWeights(2019)!.reference.date).toBe('2019-01-01');
    expect(populationWeights(2023)!.reference.date).toBe('2019-01-01');
    expect(populationWeights(2026)).toEqual({
      reference: REGION_POPULATION[1],
      weights: { '1081': 593_135, '1082': 1_365_688, '1083': 1_238_406, '1084': 1_911_067, '1085': 852_953 },
    });
  });

  it('count Hovedstaden and Sjælland as Østdanmark from 2027', () => {
    expect(populationWeights(2027)!.weights).toEqual({
      '1081': 593_135,
      '1082': 1_365_688,
      '1083': 1_238_406,
      '1086': 1_911_067 + 852_953,
    });
  });

  it('has no weights before the oldest reference', () => {
    expect(populationWeights(2018)).toBeNull();
  });

  it('holds references that add up to the national totals their sources give', () => {
    const total = (date: string) =>
      Object.values(REGION_POPULATION.find((r) => r.date === date)!.byRegion).reduce((a, b) => a + b, 0);
    expect(total('2019-01-01')).toBe(5_806_081);
    expect(total('2024-01-01')).toBe(5_961_249);
  });
});
