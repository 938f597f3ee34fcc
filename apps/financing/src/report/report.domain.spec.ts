import type { CostLine } from '../cost/domain/accrual';
import { changedTotals, closedMonths, costTotals, knowledgeFunding } from './report.domain';

const line = (over: Partial<CostLine>): CostLine => ({
  referralId: 'r1',
  municipalityCode: '101',
  citizenPseudonym: 'a'.repeat(64),
  offerId: 'o1',
  targetGroup: 'VISION',
  month: '2026-03',
  firstDay: '2026-03-01',
  lastDay: '2026-03-31',
  days: 31,
  responsibility: 'REGIONAL',
  payer: { type: 'region', code: '1084' },
  unit: 'DAY',
  rateOre: 450_000,
  amountOre: 13_950_000,
  knowledgeOverheadOre: 279_000,
  ...over,
});

describe('reports', () => {
  it('knowledge funding accrues the overhead percentage on the advisory function’s lines only', () => {
    const fn = {
      functionId: 'f1',
      offerId: 'o1',
      operatorOrgCode: '1084',
      targetGroup: 'VISION',
      validFrom: '2026-01-01',
      validTo: '2030-12-31',
    };
    const [r] = knowledgeFunding(
      [fn],
      [line({}), line({ offerId: 'o2' }), line({ targetGroup: 'AUTISM' })],
      200,
    );
    expect(r).toMatchObject({ costOre: 13_950_000, accruedOre: 279_000, declaredOre: 279_000 });
  });

  it('cost totals per payer and month add up to the lines and name no citizen', () => {
    const lines = [
      line({}),
      line({ referralId: 'r2', amountOre: 1 }),
      line({ payer: { type: 'municipality', code: '101' } }),
    ];
    const totals = costTotals(lines);
    expect(totals.reduce((a, t) => a + t.amountOre, 0)).toBe(lines.reduce((a, l) => a + l.amountOre, 0));
    expect(totals.find((t) => t.payerCode === '1084')).toMatchObject({
      placements: 2,
      amountOre: 13_950_001,
    });
    expect(JSON.stringify(totals)).not.toContain('a'.repeat(64));
  });

  it('monthly totals are published once: again only for a payer whose figures changed', () => {
    const totals = costTotals([line({}), line({ payer: { type: 'municipality', code: '101' } })]);
    expect(changedTotals(totals, [])).toHaveLength(2);
    expect(changedTotals(totals, totals)).toEqual([]);
    const corrected = totals.map((t) => (t.payerCode === '101' ? { ...t, amountOre: t.amountOre + 1 } : t));
    expect(changedTotals(corrected, totals).map((t) => t.payerCode)).toEqual(['101']);
  });

  it('closed months are the months before the current one, across a year end', () => {
    expect(closedMonths('2027-02-01', 3)).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(closedMonths('2026-11-26', 1)).toEqual(['2026-10']);
  });
});
