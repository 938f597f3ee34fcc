import { Money } from '@platform/domain';
import type { CostLine } from '../cost/domain/accrual';

export interface FundedFunctionFacts {
  functionId: string;
  offerId: string;
  operatorOrgCode: string;
  targetGroup: string;
  validFrom: string;
  validTo: string;
}

export interface KnowledgeFunding extends FundedFunctionFacts {
  costOre: number;
  /** The rule set's overhead percentage on the function's cost lines, rounded half-up per line. */
  accruedOre: number;
  /** The overhead the operator declared in its rates, for the same lines. */
  declaredOre: number;
}

/**
 * Knowledge funding (vidensopbygning, rule 8) per advisory function: the rule set's overhead percentage on the cost
 * lines of the function's offer and target group within its validity, next to what the rates declared.
 */
export function knowledgeFunding(
  functions: readonly FundedFunctionFacts[],
  lines: readonly CostLine[],
  overheadBp: number,
): KnowledgeFunding[] {
  return functions.map((f) => {
    const own = lines.filter(
      (l) =>
        l.offerId === f.offerId &&
        l.targetGroup === f.targetGroup &&
        l.lastDay >= f.validFrom &&
        l.firstDay <= f.validTo,
    );
    return {
      ...f,
      costOre: own.reduce((a, l) => a + l.amountOre, 0),
      accruedOre: own.reduce((a, l) => a + Money.ofOre(l.amountOre).percent(overheadBp / 100).ore, 0),
      declaredOre: own.reduce((a, l) => a + l.knowledgeOverheadOre, 0),
    };
  });
}

export interface CostTotal {
  month: string;
  payerType: 'municipality' | 'region';
  payerCode: string;
  placements: number;
  days: number;
  amountOre: number;
  knowledgeOverheadOre: number;
}

/** Cost per payer and month: what national authorities get (no citizen, no referral). Sums reconcile with the lines. */
export function costTotals(lines: readonly CostLine[]): CostTotal[] {
  const totals = new Map<string, CostTotal & { referrals: Set<string> }>();
  for (const l of lines) {
    const key = `${l.month}|${l.payer.type}|${l.payer.code}`;
    const t = totals.get(key) ?? {
      month: l.month,
      payerType: l.payer.type,
      payerCode: l.payer.code,
      placements: 0,
      days: 0,
      amountOre: 0,
      knowledgeOverheadOre: 0,
      referrals: new Set<string>(),
    };
    t.referrals.add(l.referralId);
    t.days += l.days;
    t.amountOre += l.amountOre;
    t.knowledgeOverheadOre += l.knowledgeOverheadOre;
    totals.set(key, t);
  }
  return [...totals.values()]
    .map(({ referrals, ...t }) => ({ ...t, placements: referrals.size }))
    .sort(
      (a, b) =>
        a.month.localeCompare(b.month) ||
        a.payerType.localeCompare(b.payerType) ||
        a.payerCode.localeCompare(b.payerCode),
    );
}

const TOTAL_FIELDS = ['placements', 'days', 'amountOre', 'knowledgeOverheadOre'] as const;

/** The totals not published yet, or published with other figures (a late fact changed the month). */
export function changedTotals(totals: readonly CostTotal[], published: readonly CostTotal[]): CostTotal[] {
  const before = new Map(published.map((t) => [`${t.payerType}|${t.payerCode}`, t]));
  return totals.filter((t) => {
    const old = before.get(`${t.payerType}|${t.payerCode}`);
    return !old || TOTAL_FIELDS.some((f) => old[f] !== t[f]);
  });
}

/** The `count` closed months before the month of `today` (YYYY-MM-DD), oldest first. */
export function closedMonths(today: string, count: number): string[] {
  const current = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1;
  return Array.from({ length: count }, (_, i) => {
    const m = current - count + i;
    return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  });
}
