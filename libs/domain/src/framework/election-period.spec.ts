import {
  electionPeriodOn,
  findElectionPeriod,
  InvalidElectionPeriodError,
  municipalElectionDate,
} from './election-period';

describe('election periods (valgperiode)', () => {
  it('runs four years from 1 January after the November election: 2022-2025, 2026-2029, 2030-2033', () => {
    expect(electionPeriodOn('2022-01-01').code).toBe('2022-2025');
    expect(electionPeriodOn('2025-12-31').code).toBe('2022-2025');
    expect(electionPeriodOn('2026-01-01')).toEqual({
      code: '2026-2029',
      electionYear: 2025,
      validFrom: '2026-01-01',
      validTo: '2030-01-01',
      lastDay: '2029-12-31',
    });
    expect(electionPeriodOn('2031-07-15').code).toBe('2030-2033');
  });

  it('begins with the structural reform: 2006-2009 is the first period, nothing before it', () => {
    expect(electionPeriodOn('2007-01-01').code).toBe('2006-2009');
    expect(() => electionPeriodOn('2005-12-31')).toThrow(InvalidElectionPeriodError);
  });

  it('accepts a period by its code only when it is a real term', () => {
    expect(findElectionPeriod('2026-2029')?.electionYear).toBe(2025);
    expect(findElectionPeriod(' 2018-2021 ')?.validFrom).toBe('2018-01-01');
    for (const code of ['2025-2028', '2026-2030', '2026', '2002-2005', '2102-2105', 'x', 2026, null]) {
      expect(findElectionPeriod(code)).toBeUndefined();
    }
  });

  it('holds the election on the third Tuesday of November', () => {
    expect(municipalElectionDate(2021)).toBe('2021-11-16');
    expect(municipalElectionDate(2025)).toBe('2025-11-18');
    expect(municipalElectionDate(2029)).toBe('2029-11-20');
  });
});
