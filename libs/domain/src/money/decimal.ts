import { InvalidAmountError } from './money.errors';

/** An exact fraction numerator/denominator with a power-of-ten denominator. */
export interface Decimal {
  numerator: bigint;
  denominator: bigint;
}

/**
 * The exact decimal a JavaScript number was written as (0.1 is 1/10, not 0.1000000000000000055…), read
 * from its shortest round-trip text. This is what lets `times(0.25)` and `ofKroner(12.34)` be exact.
 */
export function toDecimal(value: number | string, what = 'number'): Decimal {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value.trim();
  const match = /^([+-]?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(text);
  if (!match) throw new InvalidAmountError(`${what} must be a finite decimal number`);
  const [, sign, whole, fraction = '', exponentText = '0'] = match;
  const exponent = Number(exponentText) - fraction.length;
  let numerator = BigInt(whole! + fraction) * (sign === '-' ? -1n : 1n);
  let denominator = 1n;
  if (exponent >= 0) numerator *= 10n ** BigInt(exponent);
  else denominator = 10n ** BigInt(-exponent);
  return { numerator, denominator };
}

/**
 * numerator/denominator rounded to an integer, half-up (halves away from zero: 0.5 → 1, −0.5 → −1).
 * Half-up is what people check amounts against by hand, and treats debits and credits alike.
 */
export function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator < 0n) return roundHalfUp(-numerator, -denominator);
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const quotient = abs / denominator;
  const rounded = (abs % denominator) * 2n >= denominator ? quotient + 1n : quotient;
  return negative ? -rounded : rounded;
}
