import { financingLines, type FinancingCaseTrace } from './financing-lines';
import { formatLine, inTimeOrder } from './trace-line';

const trace: FinancingCaseTrace = {
  correlationId: 'case-R',
  costLines: [
    {
      referralId: 'r-1',
      month: '2026-12',
      payer: { type: 'region', code: '1084' },
      version: 2,
      accruedAt: '2026-11-26T10:00:05.000Z',
    },
  ],
  claimLines: [
    {
      claimId: 'c-1',
      lineNo: 3,
      municipalityCode: '101',
      year: 2026,
      quarter: 4,
      eligible: true,
      decision: 'APPROVED',
      submittedAt: '2026-11-26T10:00:07.000Z',
      decidedAt: '2026-11-26T10:00:09.000Z',
    },
    {
      claimId: 'c-2',
      lineNo: 1,
      municipalityCode: '101',
      year: 2027,
      quarter: 1,
      eligible: false,
      decision: null,
      submittedAt: '2026-11-26T10:00:08.000Z',
      decidedAt: null,
    },
  ],
};

describe("financing's rows of a case as lines of its trace", () => {
  const lines = financingLines(trace);

  it('gives a cost line at the time the ledger wrote its version, with month, payer and version', () => {
    expect(lines[0]).toEqual({
      time: '2026-11-26T10:00:05.000Z',
      service: 'financing',
      type: 'cost-line',
      subject: 'r-1',
      topic: 'api:financing/api/v1/case-trace',
      facts: ['month=2026-12', 'payer=region:1084', 'version=2'],
    });
  });

  it('gives a claim line at its submission and, once decided, at its decision', () => {
    expect(lines.map((l) => `${l.time} ${l.type} ${l.subject}`)).toEqual([
      '2026-11-26T10:00:05.000Z cost-line r-1',
      '2026-11-26T10:00:07.000Z refusion-claim-line.submitted c-1',
      '2026-11-26T10:00:09.000Z refusion-claim-line.decided c-1',
      '2026-11-26T10:00:08.000Z refusion-claim-line.submitted c-2',
    ]);
    expect(lines[2]!.facts).toEqual([
      'claimId=c-1',
      'lineNo=3',
      'municipalityCode=101',
      'quarter=2026-Q4',
      'eligible=true',
      'decision=APPROVED',
    ]);
  });

  it('sorts in among the events by time and is not marked as parked', () => {
    const ordered = inTimeOrder(lines).map(formatLine);
    expect(ordered[2]).toMatch(/^2026-11-26T10:00:08.000Z\s+financing\s+refusion-claim-line.submitted\s/);
    expect(ordered.join('\n')).not.toContain('parked');
  });

  it('is nothing when financing holds nothing of the case', () => {
    expect(financingLines({ correlationId: 'case-R', costLines: [], claimLines: [] })).toEqual([]);
  });
});
