import { Money } from './money';
import { InvalidAmountError, MoneyOverflowError } from './money.errors';

const ore = (m: Money) => m.ore;

describe('Money construction', () => {
  it('takes whole øre and refuses fractions and unsafe integers', () => {
    expect(Money.ofOre(123_450).ore).toBe(123_450);
    expect(() => Money.ofOre(1.5)).toThrow(InvalidAmountError);
    expect(() => Money.ofOre(Number.NaN)).toThrow(InvalidAmountError);
    expect(() => Money.ofOre(Number.MAX_SAFE_INTEGER + 1)).toThrow(MoneyOverflowError);
  });

  it('converts kroner with up to 2 decimals exactly, including values that are inexact in binary', () => {
    expect(Money.ofKroner(1234.56).ore).toBe(123_456);
    expect(Money.ofKroner(0.29).ore).toBe(29); // 0.29 * 100 is 28.999999999999996 in floating point
    expect(Money.ofKroner('860000.00').ore).toBe(86_000_000);
    expect(Money.ofKroner(-0.05).ore).toBe(-5);
  });

  it('refuses kroner with more than 2 decimals instead of rounding them', () => {
    expect(() => Money.ofKroner(1.005)).toThrow(InvalidAmountError);
    expect(() => Money.ofKroner('1,50')).toThrow(InvalidAmountError);
    expect(() => Money.ofKroner(Number.POSITIVE_INFINITY)).toThrow(InvalidAmountError);
  });
});

describe('Money arithmetic', () => {
  it('adds and subtracts without floating-point error', () => {
    expect(Money.ofKroner(0.1).plus(Money.ofKroner(0.2)).equals(Money.ofKroner(0.3))).toBe(true);
    expect(Money.ofOre(100).minus(Money.ofOre(250)).ore).toBe(-150);
  });

  it('guards against overflow in a sum', () => {
    expect(() => Money.ofOre(Number.MAX_SAFE_INTEGER).plus(Money.ofOre(1))).toThrow(MoneyOverflowError);
    expect(() => Money.ofOre(Number.MAX_SAFE_INTEGER).times(2)).toThrow(MoneyOverflowError);
  });

  it('rounds a product half-up, halves away from zero', () => {
    expect(Money.ofOre(5).times(0.5).ore).toBe(3); // 2.5 → 3
    expect(Money.ofOre(-5).times(0.5).ore).toBe(-3); // −2.5 → −3
    expect(Money.ofOre(7).times(0.5).ore).toBe(4); // 3.5 → 4
    expect(Money.ofOre(10).times(0.33).ore).toBe(3); // 3.3 → 3
  });

  it('takes percentages exactly: 25 % of the part above 860 000 kr of 2 500 000 kr', () => {
    const above = Money.ofKroner(2_500_000).minus(Money.ofKroner(860_000));
    expect(above.percent(25).format()).toBe('410.000,00 kr.');
    expect(Money.ofOre(1).percent(50).ore).toBe(1); // half an øre rounds up
    expect(Money.ofOre(1000).percent(12.5).ore).toBe(125);
  });
});

describe('Money allocation', () => {
  it('splits 100 øre in three without losing an øre', () => {
    expect(Money.ofOre(100).allocate([1, 1, 1]).map(ore)).toEqual([34, 33, 33]);
  });

  it('gives left-over øre to the largest remainders', () => {
    expect(Money.ofOre(100).allocate([1, 2]).map(ore)).toEqual([33, 67]);
    expect(Money.ofOre(10).allocate([0.3, 0.7]).map(ore)).toEqual([3, 7]);
  });

  it('keeps the sum for negative amounts and zero weights', () => {
    const parts = Money.ofOre(-1001).allocate([3, 0, 7]);
    expect(parts.map(ore)).toEqual([-300, 0, -701]);
    expect(Money.sum(parts).ore).toBe(-1001);
  });

  it('keeps the sum over many uneven weights', () => {
    const amount = Money.ofKroner(1_234_567.89);
    const parts = amount.allocate([0.1234, 0.2345, 0.3456, 0.2965, 1, 7]);
    expect(Money.sum(parts).equals(amount)).toBe(true);
  });

  it('refuses no weights, negative weights and all-zero weights', () => {
    expect(() => Money.ofOre(1).allocate([])).toThrow(InvalidAmountError);
    expect(() => Money.ofOre(1).allocate([1, -1])).toThrow(InvalidAmountError);
    expect(() => Money.ofOre(1).allocate([0, 0])).toThrow(InvalidAmountError);
  });
});

describe('Money comparison and output', () => {
  it('compares and tells the sign', () => {
    expect(Money.ofOre(1).compare(Money.ofOre(2))).toBe(-1);
    expect(Money.ofOre(2).compare(Money.ofOre(2))).toBe(0);
    expect(Money.ofOre(-1).isNegative()).toBe(true);
    expect(Money.ZERO.isNegative()).toBe(false);
  });

  it('serialises to integer øre and formats the Danish way', () => {
    expect(JSON.stringify({ amount: Money.ofKroner(1234.5) })).toBe('{"amount":123450}');
    expect(Money.ofKroner(1234.5).format()).toBe('1.234,50 kr.');
    expect(Money.ofOre(-5).format()).toBe('-0,05 kr.');
    expect(Money.ofKroner(2_120_000).format()).toBe('2.120.000,00 kr.');
  });

  it('is immutable', () => {
    const m = Money.ofOre(100);
    expect(() => {
      (m as { ore: number }).ore = 5;
    }).toThrow(TypeError);
  });
});
