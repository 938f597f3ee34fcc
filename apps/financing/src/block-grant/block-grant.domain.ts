import { Money, regionsOn, ValidationFailed } from '@platform/domain';
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
