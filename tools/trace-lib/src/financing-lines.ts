import type { TraceLine } from './trace-line';

/** The path tools/trace reads financing's rows of a case from (GET, the state's auditors). */
export const CASE_TRACE_PATH = '/api/v1/case-trace';

/** What financing answers for a case (apps/financing, CaseTraceController): ids and times only. */
export interface FinancingCaseTrace {
  correlationId: string;
  costLines: {
    referralId: string;
    month: string;
    payer: { type: string; code: string };
    version: number;
    accruedAt: string;
  }[];
  claimLines: {
    claimId: string;
    lineNo: number;
    municipalityCode: string;
    year: number;
    quarter: number;
    eligible: boolean;
    decision: string | null;
    submittedAt: string;
    decidedAt: string | null;
  }[];
}

/**
 * Financing's rows of the case as lines of its trace. Cost lines and claim lines are rows, not events (financing
 * publishes totals only), so they come from its API: a cost line at the time the ledger wrote its version, a
 * claim line at its claim's submission and again at its decision.
 */
export function financingLines(trace: FinancingCaseTrace): TraceLine[] {
  const line = (time: string, type: string, subject: string, facts: string[]): TraceLine => ({
    time,
    service: 'financing',
    type,
    subject,
    topic: `api:financing${CASE_TRACE_PATH}`,
    facts,
  });
  const costs = trace.costLines.map((c) =>
    line(c.accruedAt, 'cost-line', c.referralId, [
      `month=${c.month}`,
      `payer=${c.payer.type}:${c.payer.code}`,
      `version=${c.version}`,
    ]),
  );
  const claims = trace.claimLines.flatMap((c) => {
    const facts = [
      `claimId=${c.claimId}`,
      `lineNo=${c.lineNo}`,
      `municipalityCode=${c.municipalityCode}`,
      `quarter=${c.year}-Q${c.quarter}`,
      `eligible=${c.eligible}`,
    ];
    const submitted = line(c.submittedAt, 'refusion-claim-line.submitted', c.claimId, facts);
    if (!c.decidedAt || !c.decision) return [submitted];
    return [
      submitted,
      line(c.decidedAt, 'refusion-claim-line.decided', c.claimId, [...facts, `decision=${c.decision}`]),
    ];
  });
  return [...costs, ...claims];
}
