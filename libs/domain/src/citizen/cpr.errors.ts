import { ValidationFailed } from '../errors/domain-error';

export type InvalidCprCode = 'CPR_INVALID_FORMAT' | 'CPR_INVALID_DATE';

/**
 * The input is not a CPR number. The message is safe to show and to log: it never repeats the input,
 * because even a mistyped CPR number is usually one digit away from a real person's. It concerns the `/cpr`
 * field, the name every API of the platform gives the citizen's CPR number.
 */
export class InvalidCprError extends ValidationFailed {
  declare readonly code: InvalidCprCode;

  constructor(code: InvalidCprCode) {
    super(
      code,
      code === 'CPR_INVALID_FORMAT'
        ? 'CPR number must be 10 digits, DDMMYYSSSS or DDMMYY-SSSS'
        : 'CPR number does not start with a valid date of birth DDMMYY',
      ['/cpr'],
    );
  }
}

/** An age was asked for on a day before the citizen was born (e.g. a referral dated before the birth). */
export class AgeBeforeBirthError extends ValidationFailed {
  constructor() {
    super('AGE_BEFORE_BIRTH', 'the date is before the date of birth');
  }
}
