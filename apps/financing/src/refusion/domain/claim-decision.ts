import { StateConflict, ValidationFailed } from '@platform/domain';

export class ClaimDecidedAlready extends StateConflict {
  constructor() {
    super('CLAIM_DECIDED', 'the claim is decided already', { currentStatus: 'DECIDED', allowed: [] });
  }
}

export class IncompleteDecision extends ValidationFailed {
  constructor(detail: string) {
    super('INCOMPLETE_DECISION', detail, ['/lines']);
  }
}

export interface LineDecision {
  lineNo: number;
  approved: boolean;
  reason?: string;
}

/**
 * The state decides every line of a claim (approve, or reject with a reason); the approved total is the sum of
 * approved lines, and what the decision pays is that total less what earlier quarters' decisions approved (the
 * settlement may be negative: the year-end adjustment takes back what was paid too much).
 */
export function decideClaim(
  status: string,
  lines: readonly { lineNo: number; refusionOre: number }[],
  decisions: readonly LineDecision[],
  previouslyApprovedOre: number,
): {
  approvedOre: number;
  settlementOre: number;
  approved: number;
  rejected: number;
  decisions: { lineNo: number; approved: boolean; reason: string | null }[];
} {
  if (status !== 'SUBMITTED') throw new ClaimDecidedAlready();
  const byNo = new Map(decisions.map((d) => [d.lineNo, d]));
  if (byNo.size !== decisions.length) throw new IncompleteDecision('each line is decided once');
  const unknown = decisions.filter((d) => !lines.some((l) => l.lineNo === d.lineNo));
  if (unknown.length > 0) throw new IncompleteDecision(`no line ${unknown[0]!.lineNo} in the claim`);
  const missing = lines.filter((l) => !byNo.has(l.lineNo));
  if (missing.length > 0) throw new IncompleteDecision(`line ${missing[0]!.lineNo} is not decided`);
  if (decisions.some((d) => !d.approved && !d.reason))
    throw new IncompleteDecision('a rejected line needs a reason');
  const approvedOre = lines
    .filter((l) => byNo.get(l.lineNo)!.approved)
    .reduce((a, l) => a + l.refusionOre, 0);
  const approved = decisions.filter((d) => d.approved).length;
  return {
    approvedOre,
    settlementOre: approvedOre - previouslyApprovedOre,
    approved,
    rejected: decisions.length - approved,
    decisions: decisions.map((d) => ({ lineNo: d.lineNo, approved: d.approved, reason: d.reason ?? null })),
  };
}
