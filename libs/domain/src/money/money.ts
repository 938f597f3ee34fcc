import { roundHalfUp, toDecimal } from './decimal';
import { InvalidAmountError, MoneyOverflowError } from './money.errors';

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * An amount in Danish kroner, held as a whole number of øre so that sums are exact (beløb). Immutable.
 * Multiplication rounds to the øre half-up (see roundHalfUp); allocation never loses or invents an øre.
 * Every result is checked to stay a safe integer, so an overflow is an error, never a silent wrong amount.
 */
export class Money {
  private constructor(readonly ore: number) {
    Object.freeze(this);
  }

  static readonly ZERO = new Money(0);

  static ofOre(ore: number): Money {
    if (!Number.isInteger(ore)) throw new InvalidAmountError('an amount in øre must be a whole number');
    if (!Number.isSafeInteger(ore)) throw new MoneyOverflowError();
    return new Money(ore === 0 ? 0 : ore); // no -0
  }

  /** Kroner with at most 2 decimals, exactly: 1234.5 or '1234.50'. More decimals are refused, not rounded. */
  static ofKroner(kroner: number | string): Money {
    const { numerator, denominator } = toDecimal(kroner, 'an amount in kroner');
    const ore = numerator * 100n;
    if (ore % denominator !== 0n)
      throw new InvalidAmountError('an amount in kroner may have at most 2 decimals');
    return fromBig(ore / denominator);
  }

  static sum(amounts: readonly Money[]): Money {
    return amounts.reduce((total, m) => total.plus(m), Money.ZERO);
  }

  plus(other: Money): Money {
    return fromBig(BigInt(this.ore) + BigInt(other.ore));
  }

  minus(other: Money): Money {
    return fromBig(BigInt(this.ore) - BigInt(other.ore));
  }

  /** Multiplies by an exact decimal factor (0.25 is a quarter), rounding to the øre half-up. */
  times(factor: number | string): Money {
    const { numerator, denominator } = toDecimal(factor, 'a factor');
    return fromBig(roundHalfUp(BigInt(this.ore) * numerator, denominator));
  }

  /** p percent of the amount (percent(25) is a quarter), rounded to the øre half-up. */
  percent(p: number | string): Money {
    const { numerator, denominator } = toDecimal(p, 'a percentage');
    return fromBig(roundHalfUp(BigInt(this.ore) * numerator, denominator * 100n));
  }

  /**
   * Splits the amount in proportion to non-negative weights (e.g. [1, 1, 1] or a published key [0.3, 0.7]).
   * Each part gets its share rounded down; the øre left over go one at a time to the parts with the largest
   * remainders (ties: the earlier part), so the parts always add up to the whole.
   */
  allocate(weights: readonly (number | string)[]): Money[] {
    if (weights.length === 0) throw new InvalidAmountError('allocate needs at least one weight');
    const decimals = weights.map((w) => toDecimal(w, 'a weight'));
    if (decimals.some((d) => d.numerator < 0n)) throw new InvalidAmountError('weights must not be negative');
    const common = decimals.reduce((max, d) => (d.denominator > max ? d.denominator : max), 1n);
    const scaled = decimals.map((d) => d.numerator * (common / d.denominator));
    const total = scaled.reduce((a, b) => a + b, 0n);
    if (total === 0n) throw new InvalidAmountError('at least one weight must be above zero');

    const sign = this.ore < 0 ? -1n : 1n;
    const amount = BigInt(this.ore) * sign;
    const shares = scaled.map((w) => ({ base: (amount * w) / total, remainder: (amount * w) % total }));
    let left = amount - shares.reduce((sum, s) => sum + s.base, 0n);
    const order = shares
      .map((_, i) => i)
      .sort((a, b) => compareBig(shares[b]!.remainder, shares[a]!.remainder) || a - b);
    const extra = new Array<bigint>(shares.length).fill(0n);
    for (const i of order) {
      if (left === 0n) break;
      extra[i] = 1n;
      left -= 1n;
    }
    return shares.map((s, i) => fromBig((s.base + extra[i]!) * sign));
  }

  compare(other: Money): -1 | 0 | 1 {
    return this.ore < other.ore ? -1 : this.ore > other.ore ? 1 : 0;
  }

  equals(other: Money): boolean {
    return this.ore === other.ore;
  }

  isZero(): boolean {
    return this.ore === 0;
  }

  isNegative(): boolean {
    return this.ore < 0;
  }

  isPositive(): boolean {
    return this.ore > 0;
  }

  negate(): Money {
    return Money.ofOre(-this.ore);
  }

  /** Integer øre, so JSON carries no floating-point kroner. */
  toJSON(): number {
    return this.ore;
  }

  /** Danish notation: '1.234,50 kr.', '-0,05 kr.'. */
  format(): string {
    const abs = Math.abs(this.ore);
    const kroner = Math.floor(abs / 100)
      .toString()
      .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    const ore = (abs % 100).toString().padStart(2, '0');
    return `${this.ore < 0 ? '-' : ''}${kroner},${ore} kr.`;
  }

  toString(): string {
    return this.format();
  }
}

function fromBig(ore: bigint): Money {
  if (ore > MAX || ore < -MAX) throw new MoneyOverflowError();
  return Money.ofOre(Number(ore));
}

function compareBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
