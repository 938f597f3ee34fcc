import { accrueMonth, accrueYear, proRata, type OfferFacts, type PlacementFacts } from './accrual';

const placement: PlacementFacts = {
  referralId: 'r1',
  municipalityCode: '101',
  citizenPseudonym: 'a'.repeat(64),
  targetGroup: 'VISION',
  offerId: 'o1',
  startDate: '2026-02-10',
  endDate: null,
};
const offer: OfferFacts = { operatorOrgType: 'region', operatorOrgCode: '1084', municipalityCode: '157' };
const day = { unit: 'DAY' as const, amountOre: 450_000, knowledgeOverheadOre: 9_000 };

describe('cost lines', () => {
  it('partial months exact: a day rate times the days from the start day', () => {
    const [line] = accrueMonth(placement, offer, day, [], 2026, 2);
    expect(line).toMatchObject({
      days: 19,
      amountOre: 19 * 450_000,
      knowledgeOverheadOre: 19 * 9_000,
      firstDay: '2026-02-10',
    });
  });

  it('partial months exact: a month rate in proportion to the month’s days, half-up', () => {
    expect(proRata(100_000, 'MONTH', 19, 28)).toBe(67_857); // 67 857.14…
    expect(proRata(100_000, 'MONTH', 31, 31)).toBe(100_000);
  });

  it('counts the end day and nothing after it', () => {
    const lines = accrueYear({ ...placement, endDate: '2026-03-05' }, offer, day, [], 2026);
    expect(lines.map((l) => l.days)).toEqual([19, 5]);
  });

  it('attributes to the municipality while MUNICIPAL and to the region from the day it turns REGIONAL', () => {
    const lines = accrueMonth(
      placement,
      offer,
      day,
      [{ targetGroup: 'VISION', responsibility: 'REGIONAL', effectiveFrom: '2026-03-16' }],
      2026,
      3,
    );
    expect(lines.map((l) => [l.payer, l.days])).toEqual([
      [{ type: 'municipality', code: '101' }, 15],
      [{ type: 'region', code: '1084' }, 16],
    ]);
  });

  it('moves a regional cost from Hovedstaden to Østdanmark on 2027-01-01, and 2026 stays with Hovedstaden', () => {
    const regional = [
      { targetGroup: 'VISION', responsibility: 'REGIONAL' as const, effectiveFrom: '2026-01-01' },
    ];
    expect(accrueMonth(placement, offer, day, regional, 2026, 12)[0]!.payer.code).toBe('1084');
    expect(accrueMonth(placement, offer, day, regional, 2027, 1)[0]!.payer.code).toBe('1086');
  });

  it('makes no line without a rate for the year', () => {
    expect(accrueMonth(placement, offer, undefined, [], 2026, 3)).toEqual([]);
  });
});
