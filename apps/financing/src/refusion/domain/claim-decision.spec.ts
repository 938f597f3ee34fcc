import { ClaimDecidedAlready, decideClaim, IncompleteDecision } from './claim-decision';

const lines = [
  { lineNo: 1, refusionOre: 1000 },
  { lineNo: 2, refusionOre: 500 },
];

describe('the state decides a claim line by line', () => {
  it('approves the approved lines and pays the difference to what earlier quarters approved (settlement)', () => {
    const d = decideClaim(
      'SUBMITTED',
      lines,
      [
        { lineNo: 1, approved: true },
        { lineNo: 2, approved: false, reason: 'no advice' },
      ],
      400,
    );
    expect(d).toMatchObject({ approvedOre: 1000, settlementOre: 600, approved: 1, rejected: 1 });
  });

  it('takes back at year end what quarters paid too much (a negative settlement)', () => {
    expect(
      decideClaim(
        'SUBMITTED',
        lines,
        [
          { lineNo: 1, approved: false, reason: 'x'.repeat(3) },
          { lineNo: 2, approved: true },
        ],
        1200,
      ).settlementOre,
    ).toBe(-700);
  });

  it('refuses an undecided line, an unknown line, a rejection without reason, and a second decision', () => {
    expect(() => decideClaim('SUBMITTED', lines, [{ lineNo: 1, approved: true }], 0)).toThrow(
      IncompleteDecision,
    );
    expect(() =>
      decideClaim(
        'SUBMITTED',
        lines,
        [...lines.map((l) => ({ lineNo: l.lineNo, approved: true })), { lineNo: 3, approved: true }],
        0,
      ),
    ).toThrow(IncompleteDecision);
    expect(() =>
      decideClaim(
        'SUBMITTED',
        lines,
        [
          { lineNo: 1, approved: true },
          { lineNo: 2, approved: false },
        ],
        0,
      ),
    ).toThrow(IncompleteDecision);
    expect(() => decideClaim('DECIDED', lines, [], 0)).toThrow(ClaimDecidedAlready);
  });
});
