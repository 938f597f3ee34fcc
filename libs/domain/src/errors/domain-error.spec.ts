import { AgeBeforeBirthError, InvalidCprError } from '../citizen/cpr.errors';
import {
  NoRegionOnDateError,
  UnknownMunicipalityError,
  UnknownRegionError,
} from '../geography/geography.errors';
import { InvalidAmountError, MoneyOverflowError } from '../money/money.errors';
import { DomainError, InvalidDateError, ValidationFailed } from './domain-error';

class BrokenRuleError extends DomainError {
  constructor() {
    super('BROKEN_RULE', 'a rule of the code was broken');
  }
}

describe('domain error kinds', () => {
  it('makes a direct subclass an invariant error named after its class', () => {
    const error = new BrokenRuleError();
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ kind: 'invariant', code: 'BROKEN_RULE', name: 'BrokenRuleError' });
  });

  it('marks an invalid CPR number as a validation error of the /cpr field', () => {
    expect(new InvalidCprError('CPR_INVALID_DATE')).toMatchObject({
      kind: 'validation',
      code: 'CPR_INVALID_DATE',
      pointers: ['/cpr'],
    });
  });

  it('marks errors whose input the domain cannot locate as validation errors without a field', () => {
    for (const error of [
      new InvalidDateError('referralDate'),
      new AgeBeforeBirthError(),
      new InvalidAmountError('weights must not be negative'),
      new MoneyOverflowError(),
    ]) {
      expect(error).toBeInstanceOf(ValidationFailed);
      expect(error).toMatchObject({ kind: 'validation', pointers: [] });
    }
  });

  it('marks unknown reference data as not found', () => {
    expect(new UnknownMunicipalityError('999').kind).toBe('not-found');
    expect(new UnknownRegionError('1089').kind).toBe('not-found');
    expect(new NoRegionOnDateError('101', '2006-12-31').kind).toBe('not-found');
  });
});
