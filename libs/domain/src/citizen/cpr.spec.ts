import { inspect } from 'node:util';
import { Cpr } from './cpr';
import { InvalidCprError } from './cpr.errors';

const codeOf = (input: string) => {
  try {
    Cpr.parse(input);
    return 'VALID';
  } catch (error) {
    return (error as InvalidCprError).code;
  }
};

describe('Cpr century rule (7th digit)', () => {
  it.each([
    ['0101901234', '1990-01-01', 'puts 7th digit 0-3 in the 1900s'],
    ['0101003999', '1900-01-01', 'puts 7th digit 3 with year 00 in 1900'],
    ['0101364000', '2036-01-01', 'puts 7th digit 4 with year 36 in 2036'],
    ['0101374000', '1937-01-01', 'puts 7th digit 4 with year 37 in 1937'],
    ['0101369000', '2036-01-01', 'puts 7th digit 9 with year 36 in 2036'],
    ['0101379000', '1937-01-01', 'puts 7th digit 9 with year 37 in 1937'],
    ['0101575000', '2057-01-01', 'puts 7th digit 5 with year 57 in 2057'],
    ['0101588000', '1858-01-01', 'puts 7th digit 8 with year 58 in 1858'],
  ])('%s → %s (%s)', (input, birthDate) => {
    expect(Cpr.parse(input).birthDate).toBe(birthDate);
  });
});

describe('Cpr.parse', () => {
  it('accepts the form with a hyphen and normalises it to 10 digits', () => {
    expect(Cpr.parse('010190-1234').value).toBe('0101901234');
    expect(Cpr.parse(' 0101901234 ').value).toBe('0101901234');
  });

  it('does not check modulus 11', () => {
    expect(Cpr.parse('0101901235').value).toBe('0101901235');
  });

  it('accepts 29 February 2000 (leap year) and refuses 29 February 1900 (not a leap year)', () => {
    expect(Cpr.parse('2902004000').birthDate).toBe('2000-02-29');
    expect(codeOf('2902001234')).toBe('CPR_INVALID_DATE');
  });

  it('refuses 31 April, month 13, month 00 and day 00 as invalid dates', () => {
    for (const input of ['3104901234', '0113901234', '0100901234', '0001901234'])
      expect(codeOf(input)).toBe('CPR_INVALID_DATE');
  });

  it('refuses wrong length, letters and misplaced separators as invalid format', () => {
    for (const input of ['010190123', '01019012345', '01019O1234', '0101-901234', '010190 1234', '']) {
      expect(codeOf(input)).toBe('CPR_INVALID_FORMAT');
    }
  });

  it('never puts the digits in the error message', () => {
    for (const input of ['3104901234', '31049012345']) {
      const message = (() => {
        try {
          Cpr.parse(input);
          return '';
        } catch (error) {
          return (error as Error).message;
        }
      })();
      expect(message).not.toMatch(/\d{4}/);
      expect(message).not.toContain('310490');
    }
  });

  it('returns undefined from tryParse instead of throwing', () => {
    expect(Cpr.tryParse('nonsense')).toBeUndefined();
    expect(Cpr.tryParse('0101901234')?.birthDate).toBe('1990-01-01');
  });
});

describe('Cpr age', () => {
  const cpr = Cpr.parse('1506104234'); // born 2010-06-15 (7th digit 4, year 10)

  it('is one year younger the day before the birthday than on it', () => {
    expect(cpr.ageOn('2025-06-14')).toBe(14);
    expect(cpr.ageOn('2025-06-15')).toBe(15);
  });

  it('puts a 14-year-old in CHILD, 15 and 17 in YOUTH and 18 in ADULT', () => {
    expect(cpr.ageGroupOn('2025-06-14')).toBe('CHILD');
    expect(cpr.ageGroupOn('2025-06-15')).toBe('YOUTH');
    expect(cpr.ageGroupOn('2028-06-14')).toBe('YOUTH');
    expect(cpr.ageGroupOn('2028-06-15')).toBe('ADULT');
  });

  it('makes someone born on 29 February a year older on 1 March in a non-leap year', () => {
    const leapling = Cpr.parse('2902084000'); // 2008-02-29
    expect(leapling.ageOn('2026-02-28')).toBe(17);
    expect(leapling.ageOn('2026-03-01')).toBe(18);
  });

  it('refuses an age on a date before birth', () => {
    expect(() => cpr.ageOn('2010-06-14')).toThrow(expect.objectContaining({ code: 'AGE_BEFORE_BIRTH' }));
  });
});

describe('Cpr does not leak into text', () => {
  const cpr = Cpr.parse('0101901234');

  it('masks toString, template literals, JSON and util.inspect as [CPR]', () => {
    expect(String(cpr)).toBe('[CPR]');
    expect(`${cpr}`).toBe('[CPR]');
    expect(JSON.stringify({ cpr })).toBe('{"cpr":"[CPR]"}');
    expect(inspect({ cpr })).not.toContain('0101');
    expect(inspect(cpr)).toBe('[CPR]');
  });

  it('compares by value', () => {
    expect(cpr.equals(Cpr.parse('010190-1234'))).toBe(true);
  });
});
