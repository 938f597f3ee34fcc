import { Money, StateConflict, ValidationFailed } from '@platform/domain';

export const RISK_CAPITAL_KINDS = ['GRANT', 'LOAN'] as const;
export type RiskCapitalKind = (typeof RISK_CAPITAL_KINDS)[number];

export class LoanNeedsRepaymentYears extends ValidationFailed {
  constructor() {
    super('LOAN_NEEDS_REPAYMENT', 'a loan needs repaymentYears and firstRepaymentYear', ['/repaymentYears']);
  }
}

export class ApplicationDecided extends StateConflict {
  constructor(status: string) {
    super('APPLICATION_DECIDED', `the application is ${status} already`, {
      currentStatus: status,
      allowed: [],
    });
  }
}

/** A loan's yearly repayments: equal parts that add up to the loan, øre for øre (the first years take the øre left). */
export function repaymentSchedule(
  amountOre: number,
  years: number,
  firstYear: number,
): { year: number; amountOre: number }[] {
  return Money.ofOre(amountOre)
    .allocate(new Array<number>(years).fill(1))
    .map((m, i) => ({ year: firstYear + i, amountOre: m.ore }));
}

/** The state's decision: granted (a loan with its schedule) or rejected; decided once. */
export function decideApplication(
  a: {
    status: string;
    kind: RiskCapitalKind;
    amountOre: number;
    repaymentYears: number | null;
    firstRepaymentYear: number | null;
  },
  approved: boolean,
): { status: 'GRANTED' | 'REJECTED'; repayments: { year: number; amountOre: number }[] } {
  if (a.status !== 'SUBMITTED') throw new ApplicationDecided(a.status);
  if (!approved) return { status: 'REJECTED', repayments: [] };
  const repayments =
    a.kind === 'LOAN'
      ? repaymentSchedule(a.amountOre, a.repaymentYears as number, a.firstRepaymentYear as number)
      : [];
  return { status: 'GRANTED', repayments };
}
