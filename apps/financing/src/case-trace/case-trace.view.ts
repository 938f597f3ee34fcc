import type { CaseClaimLineRow, CaseCostLineRow } from './case-trace.repository';

/** The case's rows as the API shows them: ids and times, never the pseudonym (it is read for the audit only). */
export function caseTraceView(
  correlationId: string,
  costLines: readonly CaseCostLineRow[],
  claimLines: readonly CaseClaimLineRow[],
) {
  return {
    correlationId,
    costLines: costLines.map((l) => ({
      referralId: l.referralId,
      month: l.month,
      payer: l.payer,
      version: l.version,
      accruedAt: l.accruedAt.toISOString(),
    })),
    claimLines: claimLines.map((l) => ({
      ...l,
      submittedAt: l.submittedAt.toISOString(),
      decidedAt: l.decidedAt?.toISOString() ?? null,
    })),
  };
}
