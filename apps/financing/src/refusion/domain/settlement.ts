import { StateConflict } from '@platform/domain';
import type { ClaimLineResult } from './claim-computation';

/** A claim of the year as the settlement sees it. */
export interface YearClaim {
  id: string;
  quarter: number;
  status: 'SUBMITTED' | 'DECIDED';
  approvedOre: number | null;
  /** What earlier decisions had approved when this claim was submitted: its decision paid the rest. */
  previouslyApprovedOre: number;
}

export class YearNotClosed extends StateConflict {
  constructor(year: number) {
    super(
      'YEAR_NOT_CLOSED',
      `the ${year} refusion is settled after the Q4 claim is decided, or after the year has ended`,
      { year },
    );
  }
}

export class ClaimUndecided extends StateConflict {
  constructor(quarter: number) {
    super('CLAIM_UNDECIDED', `the claim of Q${quarter} is not decided yet`, { quarter });
  }
}

/**
 * May the year be settled now? After the Q4 claim is decided; without one, once the year has ended (the state's
 * command then settles what the earlier quarters paid). Never while a claim of the year waits for its decision.
 */
export function checkSettleable(year: number, claims: readonly YearClaim[], today: string): void {
  const undecided = claims.find((c) => c.status !== 'DECIDED');
  if (undecided) throw new ClaimUndecided(undecided.quarter);
  const q4Decided = claims.some((c) => c.quarter === 4 && c.status === 'DECIDED');
  if (!q4Decided && today <= `${year}-12-31`) throw new YearNotClosed(year);
}

/** What the decided quarters paid: each decision paid its approved total less what was approved before it. */
export function paidByQuarters(claims: readonly YearClaim[]): number {
  return claims
    .filter((c) => c.status === 'DECIDED')
    .reduce((sum, c) => sum + (c.approvedOre ?? 0) - c.previouslyApprovedOre, 0);
}

export interface Settlement {
  /** The lines of the final claim the state's decisions left in (a rejected referral stays out). */
  lines: number;
  finalOre: number;
  paidOre: number;
  /** finalOre − paidOre: what the state pays now, or (negative) what the municipality pays back. */
  settlementOre: number;
}

/**
 * The year-end settlement (restafregning, BEK om statsrefusion § 53 stk. 2): the final claim over the whole year,
 * from the facts as they stand now, against what the quarters' decisions paid. A line with a referral the state
 * rejected in a decision stays rejected; the difference may be negative.
 */
export function settleYear(
  finalLines: readonly ClaimLineResult[],
  rejectedReferralIds: ReadonlySet<string>,
  claims: readonly YearClaim[],
): Settlement {
  const kept = finalLines.filter((l) => !l.referralIds.some((id) => rejectedReferralIds.has(id)));
  const finalOre = kept.reduce((sum, l) => sum + l.refusionOre, 0);
  const paidOre = paidByQuarters(claims);
  return { lines: kept.length, finalOre, paidOre, settlementOre: finalOre - paidOre };
}
