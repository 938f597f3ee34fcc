import { coFinancingAmount, coFinancingShareBp, monthlyInstalments, placementMonth } from './co-financing';

describe('co-financing and block-grant instalments', () => {
  const schedule = [
    { fromMonth: 1, sharePercentBp: 1000 },
    { fromMonth: 13, sharePercentBp: 2500 },
  ];

  it('co-financing by duration band: 10 % the first year, 25 % from the 13th month', () => {
    expect(coFinancingShareBp(schedule, placementMonth('2026-02-10', '2026-02'))).toBe(1000);
    expect(coFinancingShareBp(schedule, placementMonth('2026-02-10', '2027-01'))).toBe(1000);
    expect(coFinancingShareBp(schedule, placementMonth('2026-02-10', '2027-02'))).toBe(2500);
    expect(coFinancingAmount(8_550_001, 1000)).toBe(855_000);
  });

  it('instalments add up to the grant, øre for øre', () => {
    const parts = monthlyInstalments(1_000_000_000_01);
    expect(parts).toHaveLength(12);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(1_000_000_000_01);
  });
});
