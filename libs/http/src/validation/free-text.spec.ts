import { z } from 'zod';
import { toFieldErrors } from './zod-validation.pipe';
import { containsCprNumber, freeText } from './free-text';

describe('freeText', () => {
  const schema = z.strictObject({ note: freeText(200, 3) });

  it.each([
    ['plain', 'citizen 0101901234 moved'],
    ['with a hyphen', 'cpr: 010190-1234.'],
    ['with a space', 'cpr 010190 1234'],
    ['inside a longer run of digits', 'ref 9901019012349'],
    ['a 21st-century number', 'born 150615-4321'],
  ])('refuses a CPR number written %s, naming the field and not the number', (_, note) => {
    const result = schema.safeParse({ note });
    expect(result.success).toBe(false);
    const errors = toFieldErrors(result.error!.issues, 'body');
    expect(errors.map((e) => e.pointer)).toEqual(['/note']);
    expect(JSON.stringify(errors)).not.toMatch(/\d{6}[-\s]?\d{4}/);
  });

  it.each([
    ['no digits', 'The citizen moved away'],
    ['a phone number', 'call +45 12 34 56 78 or 33445566'],
    ['ten digits that are no date', 'case 9999991234 and 3102901234'],
    ['a date', 'from 2026-03-01, journal 12345'],
  ])('accepts %s', (_, note) => {
    expect(schema.parse({ note })).toEqual({ note });
  });

  it('still trims and checks the length', () => {
    expect(schema.parse({ note: '  abc  ' })).toEqual({ note: 'abc' });
    expect(schema.safeParse({ note: 'ab' }).success).toBe(false);
    expect(schema.safeParse({ note: 'x'.repeat(201) }).success).toBe(false);
  });

  it('finds a CPR number only where the date is real', () => {
    expect(containsCprNumber('0101901234')).toBe(true);
    expect(containsCprNumber('3213901234')).toBe(false);
  });
});
