import fc from 'fast-check';
import { BANDS_2022_LEVEL } from './bands';
import {
  compareClaims,
  computeClaim,
  netMonths,
  type ClaimInput,
  type ClaimPlacement,
} from './claim-computation';

const kr = (k: number) => k * 100;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const p = (referralId: string, citizen: string, advice: Partial<ClaimPlacement> = {}): ClaimPlacement => ({
  referralId,
  citizenPseudonym: citizen.repeat(64).slice(0, 64),
  adviceObtained: true,
  followsAdvice: false,
  ...advice,
});
const flat = (monthly: number) => new Array<number>(12).fill(monthly);
const input = (over: Partial<ClaimInput>): ClaimInput => ({
  throughMonth: 12,
  bands: BANDS_2022_LEVEL,
  adviceCondition: 'NONE',
  placements: [],
  costs: new Map(),
  entries: [],
  households: [],
  ...over,
});

describe('a refusion claim', () => {
  it('spreads a one-off expense evenly over the year’s 12 months without losing an øre', () => {
    const months = netMonths('r1', {
      costs: new Map(),
      entries: [{ referralId: 'r1', kind: 'ONE_OFF_EXPENSE', month: 5, amountOre: kr(1000) + 1 }],
    });
    expect(sum(months)).toBe(kr(1000) + 1);
    expect(Math.max(...months) - Math.min(...months)).toBeLessThanOrEqual(1);
  });

  it('deducts income (user payments, other refusion) in its month', () => {
    const months = netMonths('r1', {
      costs: new Map([['r1', flat(kr(200_000))]]),
      entries: [{ referralId: 'r1', kind: 'INCOME', month: 3, amountOre: kr(50_000) }],
    });
    expect(months[2]).toBe(kr(150_000));
    const claim = computeClaim(
      input({
        placements: [p('r1', 'a')],
        costs: new Map([['r1', flat(kr(200_000))]]),
        entries: [{ referralId: 'r1', kind: 'INCOME', month: 3, amountOre: kr(50_000) }],
      }),
    );
    const without = computeClaim(
      input({ placements: [p('r1', 'a')], costs: new Map([['r1', flat(kr(200_000))]]) }),
    );
    expect(claim.totalOre).toBeLessThan(without.totalOre);
  });

  it('sums the children of one household into one line (more refusion than apart)', () => {
    const costs = new Map([
      ['c1', flat(kr(70_000))],
      ['c2', flat(kr(70_000))],
    ]);
    const apart = computeClaim(input({ placements: [p('c1', 'a'), p('c2', 'b')], costs }));
    const together = computeClaim(
      input({ placements: [p('c1', 'a'), p('c2', 'b')], costs, households: [['c1', 'c2']] }),
    );
    expect(apart.totalOre).toBe(0); // 70 000 kr a month is below 1/12 of 860 000 kr
    expect(together.lines).toHaveLength(1);
    expect(together.lines[0]!.citizenPseudonyms).toHaveLength(2);
    expect(together.totalOre).toBeGreaterThan(0);
  });

  it('claims year to date: quarter 2 holds months 1–6 only', () => {
    const claim = computeClaim(
      input({ throughMonth: 6, placements: [p('r1', 'a')], costs: new Map([['r1', flat(kr(250_000))]]) }),
    );
    expect(claim.lines[0]!.months).toHaveLength(6);
    expect(claim.lines[0]!.netExpenseOre).toBe(kr(1_500_000));
  });

  it('leaves out months after 67 unless covered the month before (SEL § 176 stk. 3)', () => {
    const costs = new Map([['r1', flat(kr(50_000))]]);
    const claim = computeClaim(
      input({ placements: [p('r1', 'a')], costs, over67: [{ referralId: 'r1', birthdayMonth: 6 }] }),
    );
    expect(claim.lines[0]!.months[6]!.eligibleNetOre).toBe(0);
    expect(claim.lines[0]!.reasons[0]!.reason).toBe('OVER_67_NOT_COVERED');
    const covered = computeClaim(
      input({
        placements: [p('r1', 'a')],
        costs: new Map([['r1', flat(kr(100_000))]]),
        over67: [{ referralId: 'r1', birthdayMonth: 6 }],
      }),
    );
    expect(covered.lines[0]!.months[6]!.eligibleNetOre).toBe(kr(100_000));
  });

  it('what-if: a deviation is refunded under current law and not when advice must be followed, with the reason', () => {
    const costs = new Map([['r1', flat(kr(250_000))]]);
    const base = input({ placements: [p('r1', 'a')], costs });
    const result = compareClaims(base, { ...base, adviceCondition: 'ADVICE_FOLLOWED' });
    expect(result.totalA).toBeGreaterThan(0);
    expect(result.totalB).toBe(0);
    expect(result.lines[0]!.b.reasons[0]).toEqual({
      referralId: 'r1',
      eligible: false,
      reason: 'ADVICE_NOT_FOLLOWED',
    });
    expect(result.lines[0]!.differenceOre).toBe(-result.totalA);
  });

  it('property: lines add up to the claim and months to each line, for random inputs', () => {
    const arb = fc.array(
      fc.tuple(
        fc.integer({ min: 0, max: 5 }),
        fc.array(fc.integer({ min: -kr(10_000), max: kr(400_000) }), { minLength: 12, maxLength: 12 }),
      ),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(arb, fc.integer({ min: 1, max: 4 }), (rows, quarter) => {
        const placements = rows.map(([c], i) => p(`r${i}`, String(c)));
        const costs = new Map(rows.map(([, m], i) => [`r${i}`, m]));
        const claim = computeClaim(input({ throughMonth: quarter * 3, placements, costs }));
        return (
          claim.totalOre === sum(claim.lines.map((l) => l.refusionOre)) &&
          claim.lines.every(
            (l) =>
              l.refusionOre === sum(l.months.map((m) => m.refusionOre)) &&
              l.refusionOre <= Math.max(0, l.eligibleExpenseOre) + 0,
          )
        );
      }),
    );
  });
});
