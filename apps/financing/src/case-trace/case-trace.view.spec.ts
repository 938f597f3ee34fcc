import { caseTraceView } from './case-trace.view';

describe("a case's financing rows as the API shows them", () => {
  const view = caseTraceView(
    'case-R',
    [
      {
        referralId: 'r-1',
        month: '2027-01',
        payer: { type: 'municipality', code: '751' },
        version: 2,
        accruedAt: new Date('2026-12-01T08:00:00Z'),
        citizenPseudonym: 'a'.repeat(64),
      },
    ],
    [
      {
        claimId: 'c-1',
        lineNo: 4,
        municipalityCode: '751',
        year: 2027,
        quarter: 4,
        eligible: true,
        decision: null,
        submittedAt: new Date('2027-10-02T09:00:00Z'),
        decidedAt: null,
      },
    ],
  );

  it('names the lines by ids and times, as ISO instants', () => {
    expect(view).toEqual({
      correlationId: 'case-R',
      costLines: [
        {
          referralId: 'r-1',
          month: '2027-01',
          payer: { type: 'municipality', code: '751' },
          version: 2,
          accruedAt: '2026-12-01T08:00:00.000Z',
        },
      ],
      claimLines: [
        {
          claimId: 'c-1',
          lineNo: 4,
          municipalityCode: '751',
          year: 2027,
          quarter: 4,
          eligible: true,
          decision: null,
          submittedAt: '2027-10-02T09:00:00.000Z',
          decidedAt: null,
        },
      ],
    });
  });

  it('never shows the pseudonym it read for the audit', () => {
    expect(JSON.stringify(view)).not.toContain('a'.repeat(64));
  });
});
