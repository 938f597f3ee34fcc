import type { ClaimLineResult } from './claim-computation';
import { checkSettleable, paidByQuarters, settleYear, type YearClaim } from './settlement';

const line = (referralIds: string[], refusionOre: number) =>
  ({ referralIds, refusionOre }) as unknown as ClaimLineResult;
const decided = (quarter: number, approvedOre: number, previouslyApprovedOre: number): YearClaim => ({
  id: `c${quarter}`,
  quarter,
  status: 'DECIDED',
  approvedOre,
  previouslyApprovedOre,
});

describe('the year-end settlement', () => {
  it('what the quarters paid is each decision’s approved total less what was approved before it', () => {
    expect(paidByQuarters([decided(1, 100, 0), decided(2, 250, 100), decided(4, 400, 250)])).toBe(400);
    // Q2 submitted before Q1 was decided: both paid in full, so the quarters paid too much.
    expect(paidByQuarters([decided(1, 100, 0), decided(2, 250, 0)])).toBe(350);
  });

  it('pays the difference between the final claim and what was paid, negative when paid too much', () => {
    const claims = [decided(1, 100, 0), decided(2, 250, 0)];
    expect(settleYear([line(['r1'], 300)], new Set(), claims)).toEqual({
      lines: 1,
      finalOre: 300,
      paidOre: 350,
      settlementOre: -50,
    });
    expect(settleYear([line(['r1'], 400)], new Set(), [decided(4, 380, 0)]).settlementOre).toBe(20);
  });

  it('keeps a line the state rejected out of the final claim', () => {
    const s = settleYear([line(['r1'], 300), line(['r2', 'r3'], 500)], new Set(['r3']), [decided(4, 300, 0)]);
    expect(s).toMatchObject({ lines: 1, finalOre: 300, settlementOre: 0 });
  });

  it('settles after the Q4 decision, or after the year without one; never with an undecided claim', () => {
    expect(() => checkSettleable(2027, [decided(4, 1, 0)], '2027-12-20')).not.toThrow();
    expect(() => checkSettleable(2027, [decided(2, 1, 0)], '2027-12-20')).toThrow(/after the year/);
    expect(() => checkSettleable(2027, [decided(2, 1, 0)], '2028-01-02')).not.toThrow();
    expect(() => checkSettleable(2027, [{ ...decided(4, 1, 0), status: 'SUBMITTED' }], '2028-03-01')).toThrow(
      /not decided/,
    );
  });
});
