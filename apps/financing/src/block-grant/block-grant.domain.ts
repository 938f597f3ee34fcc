import { Money, populationWeights, regionsOn, ValidationFailed } from '@platform/domain';
import { monthlyInstalments } from '../funding/domain/co-financing';

export const GRANT_KEYS = ['POPULATION', 'NEED'] as const;

export class WeightsDoNotMatchRegions extends ValidationFailed {
  constructor(expected: string[]) {
    super(
      'WEIGHTS_DO_NOT_MATCH_REGIONS',
      `give one weight for each region of the year: ${expected.join(', ')}`,
      ['/weights'],
    );
  }
}

export class WeightsRequired extends ValidationFailed {
  constructor() {
    super('WEIGHTS_REQUIRED', 'a NEED key needs the weights', ['/weights']);
  }
}

export class NoPopulationReference extends ValidationFailed {
  constructor(year: number) {
    super(
      'NO_POPULATION_REFERENCE',
      `no population figures on or before 1 January ${year} are held: give the weights`,
      ['/weights'],
    );
  }
}

/**
 * The key's weights: the state's own, or for POPULATION without weights the regions' population on 1 January
 * from the latest official reference on or before the year (Danmarks Statistik FOLK1A, libs/domain).
 */
export function grantWeights(
  year: number,
  key: (typeof GRANT_KEYS)[number],
  weights: Readonly<Record<string, number>> | undefined,
): { weights: Readonly<Record<string, number>>; source: string | null } {
  if (weights) return { weights, source: null };
  const population = key === 'POPULATION' ? populationWeights(year) : null;
  if (!population) {
    if (key === 'POPULATION') throw new NoPopulationReference(year);
    throw new WeightsRequired();
  }
  const { reference } = population;
  return { weights: population.weights, source: `FOLK1A ${reference.date}: ${reference.source}` };
}

export interface Allocation {
  regionCode: string;
  weight: string;
  amountOre: number;
  instalments: number[];
}

/**
 * A year's block grant split over the regions that exist on 1 January of that year (so 2026 goes to Hovedstaden and
 * Sjælland, 2027 to Østdanmark) by the key's weights (population or need, published with the grant), each share in
 * 12 monthly instalments. Shares add up to the total and instalments to each share, øre for øre (Money.allocate).
 */
export function allocateGrant(
  year: number,
  totalOre: number,
  weights: Readonly<Record<string, number>>,
): Allocation[] {
  const regions = regionsOn(`${year}-01-01`).map((r) => r.code);
  const given = Object.keys(weights).sort();
  if (given.length !== regions.length || given.some((code, i) => code !== [...regions].sort()[i]))
    throw new WeightsDoNotMatchRegions(regions);
  const shares = Money.ofOre(totalOre).allocate(regions.map((code) => weights[code]!));
  return regions.map((regionCode, i) => ({
    regionCode,
    weight: String(weights[regionCode]),
    amountOre: shares[i]!.ore,
    instalments: monthlyInstalments(shares[i]!.ore),
  }));
}
