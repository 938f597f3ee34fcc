import { daysHeldIn, isBelowMinimum, judgedYear } from './volume-flag';

const wholeYears = { validFrom: '2024-01-01', validTo: '2028-12-31' };

describe('the minimum-volume flag (øvelse gør mester)', () => {
  it('judges the previous full calendar year', () => {
    expect(judgedYear('2026-11-26')).toBe(2025);
    expect(judgedYear('2026-01-01')).toBe(2025);
  });

  it('flags 29 citizens in a year against a minimum of 30', () => {
    expect(isBelowMinimum({ minimumYearlyVolume: 30, validity: wholeYears, year: 2025, volume: 29 })).toBe(
      true,
    );
  });

  it('does not flag a function that met its minimum', () => {
    expect(isBelowMinimum({ minimumYearlyVolume: 30, validity: wholeYears, year: 2025, volume: 30 })).toBe(
      false,
    );
  });

  it('does not judge a function not held in that year', () => {
    const fromThisYear = { validFrom: '2026-01-01', validTo: '2030-12-31' };
    expect(isBelowMinimum({ minimumYearlyVolume: 30, validity: fromThisYear, year: 2025, volume: 0 })).toBe(
      false,
    );
  });

  it('pro-rates the minimum to the days a function was held that year', () => {
    const fromSeptember = { validFrom: '2025-09-01', validTo: '2030-08-31' };
    expect(daysHeldIn(fromSeptember, 2025)).toBe(122);
    // 30 × 122 / 365 ≈ 10.03
    expect(isBelowMinimum({ minimumYearlyVolume: 30, validity: fromSeptember, year: 2025, volume: 10 })).toBe(
      true,
    );
    expect(isBelowMinimum({ minimumYearlyVolume: 30, validity: fromSeptember, year: 2025, volume: 11 })).toBe(
      false,
    );
  });

  it('counts a leap year with 366 days', () => {
    expect(daysHeldIn(wholeYears, 2024)).toBe(366);
  });

  it('never flags a minimum of zero', () => {
    expect(isBelowMinimum({ minimumYearlyVolume: 0, validity: wholeYears, year: 2025, volume: 0 })).toBe(
      false,
    );
  });
});
