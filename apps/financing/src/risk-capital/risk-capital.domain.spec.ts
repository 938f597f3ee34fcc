import { ApplicationDecided, decideApplication, repaymentSchedule } from './risk-capital.domain';

describe('risk capital', () => {
  it('a loan is repaid in yearly parts that add up to it', () => {
    const s = repaymentSchedule(1_000_000_01, 3, 2028);
    expect(s.map((r) => r.year)).toEqual([2028, 2029, 2030]);
    expect(s.reduce((a, r) => a + r.amountOre, 0)).toBe(1_000_000_01);
  });

  it('a grant has no repayments, a rejection none either, and a decided application is not decided again', () => {
    const base = {
      status: 'SUBMITTED',
      kind: 'GRANT' as const,
      amountOre: 100,
      repaymentYears: null,
      firstRepaymentYear: null,
    };
    expect(decideApplication(base, true)).toEqual({ status: 'GRANTED', repayments: [] });
    expect(
      decideApplication({ ...base, kind: 'LOAN', repaymentYears: 2, firstRepaymentYear: 2030 }, true)
        .repayments,
    ).toHaveLength(2);
    expect(decideApplication(base, false).status).toBe('REJECTED');
    expect(() => decideApplication({ ...base, status: 'GRANTED' }, true)).toThrow(ApplicationDecided);
  });
});
