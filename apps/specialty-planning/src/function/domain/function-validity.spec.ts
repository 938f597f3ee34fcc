import { addMonths, expiryHorizon, isExpiringWithin, isRenewed, isValidOn } from './function-validity';

const fn = { offerId: 'o', targetGroup: 'VISION', functionType: 'SPECIAL_FUNCTION' };

describe('function validity', () => {
  it('includes its first and its last day', () => {
    const period = { validFrom: '2026-01-01', validTo: '2030-12-31' };
    expect(isValidOn(period, '2025-12-31')).toBe(false);
    expect(isValidOn(period, '2026-01-01')).toBe(true);
    expect(isValidOn(period, '2030-12-31')).toBe(true);
    expect(isValidOn(period, '2031-01-01')).toBe(false);
  });
});

describe('adding calendar months', () => {
  it('keeps the day of the month', () => {
    expect(addMonths('2026-11-26', 6)).toBe('2027-05-26');
  });

  it('ends on the last day of a shorter month', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
  });

  it('crosses year ends both ways', () => {
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
  });
});

describe('expiring within 6 months', () => {
  const today = '2026-11-26';
  const ending = (validTo: string) => ({ validFrom: '2022-01-01', validTo });

  it('is a function ending today or within 6 months', () => {
    expect(expiryHorizon(today)).toBe('2027-05-26');
    expect(isExpiringWithin(ending('2026-11-26'), today)).toBe(true);
    expect(isExpiringWithin(ending('2027-05-26'), today)).toBe(true);
  });

  it('is not a function ending later, nor one that already ended', () => {
    expect(isExpiringWithin(ending('2027-05-27'), today)).toBe(false);
    expect(isExpiringWithin(ending('2026-11-25'), today)).toBe(false);
  });
});

describe('renewal', () => {
  const old = { ...fn, validFrom: '2022-01-01', validTo: '2026-12-31' };

  it('is another approval of the same function continuing it without a gap', () => {
    expect(isRenewed(old, [{ ...fn, validFrom: '2027-01-01', validTo: '2031-12-31' }])).toBe(true);
    expect(isRenewed(old, [{ ...fn, validFrom: '2026-06-01', validTo: '2031-12-31' }])).toBe(true);
  });

  it('is not a later approval after a gap, one ending earlier, or another function', () => {
    expect(isRenewed(old, [{ ...fn, validFrom: '2027-01-02', validTo: '2031-12-31' }])).toBe(false);
    expect(isRenewed(old, [{ ...fn, validFrom: '2022-01-01', validTo: '2026-12-31' }])).toBe(false);
    expect(
      isRenewed(old, [
        { ...fn, functionType: 'ADVISORY_FUNCTION', validFrom: '2027-01-01', validTo: '2031-12-31' },
      ]),
    ).toBe(false);
  });
});
