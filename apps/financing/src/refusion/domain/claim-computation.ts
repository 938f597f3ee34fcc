import { Money } from '@platform/domain';
import {
  adviceEligibility,
  type AdviceCondition,
  type AdviceFacts,
  type EligibilityReason,
} from './advice-condition';
import { refusionByMonth, type Band } from './bands';

/** A placement as the claim sees it: whose, and what advice it had. */
export interface ClaimPlacement extends AdviceFacts {
  referralId: string;
  citizenPseudonym: string;
}

/** A one-off expense (spread over the year's 12 months) or an income (deducted in its month). */
export interface ClaimEntry {
  referralId: string;
  kind: 'ONE_OFF_EXPENSE' | 'INCOME';
  /** 1–12 */
  month: number;
  amountOre: number;
}

/** The over-67 rule (SEL § 176 stk. 3): from the month after turning 67 only if covered the month before. */
export interface Over67 {
  referralId: string;
  /** The month (1–12) of the 67th birthday in the claim's year; 0 when it was in an earlier year. */
  birthdayMonth: number;
  /** For a birthday in an earlier year: whether the citizen was covered the month before it. */
  coveredBefore?: boolean;
}

export interface ClaimInput {
  /** Months 1..throughMonth (3 × quarter) are claimed, year to date. */
  throughMonth: number;
  bands: readonly Band[];
  adviceCondition: AdviceCondition;
  /** The rule set's advice deadline (working days): late advice does not count under an advice condition. */
  adviceDeadlineWorkingDays?: number;
  placements: readonly ClaimPlacement[];
  /** The municipality's cost per referral and month (index 0 = January), from its cost lines. */
  costs: ReadonlyMap<string, readonly number[]>;
  entries: readonly ClaimEntry[];
  /** Children of one household, by referral ids (declared by the municipality): one line, summed. */
  households: readonly (readonly string[])[];
  over67?: readonly Over67[];
}

export interface ReferralReason {
  referralId: string;
  eligible: boolean;
  reason: EligibilityReason | 'OVER_67_NOT_COVERED';
}

export interface ClaimMonth {
  month: number;
  netExpenseOre: number;
  eligibleNetOre: number;
  refusionOre: number;
}

export interface ClaimLineResult {
  citizenPseudonyms: string[];
  referralIds: string[];
  eligible: boolean;
  reasons: ReferralReason[];
  netExpenseOre: number;
  eligibleExpenseOre: number;
  refusionOre: number;
  months: ClaimMonth[];
}

const TWELVE = Array.from({ length: 12 }, () => 1);

/** Net expense per month (12) of one referral: cost, plus one-offs spread evenly, less income. */
export function netMonths(referralId: string, input: Pick<ClaimInput, 'costs' | 'entries'>): number[] {
  const months = [...(input.costs.get(referralId) ?? new Array<number>(12).fill(0))];
  for (const e of input.entries.filter((x) => x.referralId === referralId)) {
    if (e.kind === 'INCOME') months[e.month - 1]! -= e.amountOre;
    else
      Money.ofOre(e.amountOre)
        .allocate(TWELVE)
        .forEach((part, i) => (months[i]! += part.ore));
  }
  return months;
}

/** Groups the placements into lines: declared households first, then one line per citizen. */
export function claimGroups(
  placements: readonly ClaimPlacement[],
  households: readonly (readonly string[])[],
): ClaimPlacement[][] {
  const byReferral = new Map(placements.map((p) => [p.referralId, p]));
  const used = new Set<string>();
  const groups: ClaimPlacement[][] = [];
  for (const household of households) {
    const members = household.map((id) => byReferral.get(id)).filter((p) => p && !used.has(p.referralId));
    if (members.length === 0) continue;
    members.forEach((p) => used.add(p!.referralId));
    groups.push(members as ClaimPlacement[]);
  }
  const byCitizen = new Map<string, ClaimPlacement[]>();
  for (const p of placements) {
    if (used.has(p.referralId)) continue;
    byCitizen.set(p.citizenPseudonym, [...(byCitizen.get(p.citizenPseudonym) ?? []), p]);
  }
  return [...groups, ...byCitizen.values()];
}

/** Months (1–12) in which the over-67 rule leaves a referral's expense out. */
export function over67Excluded(
  rule: Over67 | undefined,
  net: readonly number[],
  bands: readonly Band[],
): Set<number> {
  const out = new Set<number>();
  if (!rule) return out;
  const first = bands[0]?.thresholdOre ?? 0;
  const coveredBefore =
    rule.birthdayMonth === 0
      ? rule.coveredBefore === true
      : rule.birthdayMonth > 1 && net[rule.birthdayMonth - 2]! * 12 > first;
  if (coveredBefore) return out;
  for (let m = rule.birthdayMonth + 1; m <= 12; m++) out.add(m);
  return out;
}

/** One line of a claim, year to date. */
export function claimLine(group: readonly ClaimPlacement[], input: ClaimInput): ClaimLineResult {
  const months = Array.from({ length: input.throughMonth }, () => ({ net: 0, eligible: 0 }));
  const reasons: ReferralReason[] = [];
  for (const p of group) {
    const net = netMonths(p.referralId, input);
    const eligibility = adviceEligibility(input.adviceCondition, p, input.adviceDeadlineWorkingDays);
    const excluded = over67Excluded(
      input.over67?.find((o) => o.referralId === p.referralId),
      net,
      input.bands,
    );
    reasons.push(
      eligibility.eligible && excluded.size > 0 && [...excluded].some((m) => m <= input.throughMonth)
        ? { referralId: p.referralId, eligible: true, reason: 'OVER_67_NOT_COVERED' }
        : { referralId: p.referralId, ...eligibility },
    );
    months.forEach((m, i) => {
      m.net += net[i]!;
      if (eligibility.eligible && !excluded.has(i + 1)) m.eligible += net[i]!;
    });
  }
  const refusion = refusionByMonth(
    months.map((m) => m.eligible),
    input.bands,
  );
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    citizenPseudonyms: [...new Set(group.map((p) => p.citizenPseudonym))],
    referralIds: group.map((p) => p.referralId),
    eligible: reasons.some((r) => r.eligible),
    reasons,
    netExpenseOre: sum(months.map((m) => m.net)),
    eligibleExpenseOre: sum(months.map((m) => m.eligible)),
    refusionOre: sum(refusion),
    months: months.map((m, i) => ({
      month: i + 1,
      netExpenseOre: m.net,
      eligibleNetOre: m.eligible,
      refusionOre: refusion[i]!,
    })),
  };
}

/** A municipality's claim, year to date: its lines (those with any expense) and their total. */
export function computeClaim(input: ClaimInput): { lines: ClaimLineResult[]; totalOre: number } {
  const lines = claimGroups(input.placements, input.households)
    .map((g) => claimLine(g, input))
    .filter((l) => l.netExpenseOre !== 0 || l.months.some((m) => m.netExpenseOre !== 0));
  return { lines, totalOre: lines.reduce((a, l) => a + l.refusionOre, 0) };
}

/** The same cases under two rule sets, per line and in total (the what-if). */
export function compareClaims(
  a: ClaimInput,
  b: ClaimInput,
): {
  lines: { referralIds: string[]; a: ClaimLineResult; b: ClaimLineResult; differenceOre: number }[];
  totalA: number;
  totalB: number;
} {
  const groups = claimGroups(a.placements, a.households);
  const lines = groups.map((g) => {
    const la = claimLine(g, a);
    const lb = claimLine(g, b);
    return { referralIds: la.referralIds, a: la, b: lb, differenceOre: lb.refusionOre - la.refusionOre };
  });
  return {
    lines,
    totalA: lines.reduce((s, l) => s + l.a.refusionOre, 0),
    totalB: lines.reduce((s, l) => s + l.b.refusionOre, 0),
  };
}
