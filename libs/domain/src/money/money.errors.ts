import { ValidationFailed } from '../errors/domain-error';

/**
 * An amount that is not a whole number of øre, or a factor/weight that is not a finite number. Money does not
 * know which input an amount came from, so the error names no field.
 */
export class InvalidAmountError extends ValidationFailed {
  constructor(detail: string) {
    super('MONEY_INVALID_AMOUNT', detail);
  }
}

/** A result beyond ±(2^53 − 1) øre, where numbers stop being exact. */
export class MoneyOverflowError extends ValidationFailed {
  constructor() {
    super('MONEY_OVERFLOW', 'the amount is too large to be represented exactly in øre');
  }
}
