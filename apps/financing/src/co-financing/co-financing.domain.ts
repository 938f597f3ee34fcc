import { StateConflict } from '@platform/domain';
import type { CostLine } from '../cost/domain/accrual';
import {
  coFinancingAmount,
  coFinancingShareBp,
  placementMonth,
  type CoFinancingBand,
} from '../funding/domain/co-financing';

export const INVOICE_STATUSES = ['ISSUED', 'PAID', 'DISPUTED'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export class InvalidInvoiceTransition extends StateConflict {
  constructor(current: string, allowed: string[]) {
    super('INVALID_TRANSITION', `the invoice is ${current}`, { currentStatus: current, allowed });
  }
}

const NEXT: Record<InvoiceStatus, InvoiceStatus[]> = {
  ISSUED: ['PAID', 'DISPUTED'],
  DISPUTED: ['PAID'],
  PAID: [],
};

/** ISSUED → PAID or DISPUTED; a disputed invoice may still be paid once the parties agree. */
export function invoiceTransition(current: InvoiceStatus, to: InvoiceStatus): InvoiceStatus {
  if (!NEXT[current].includes(to))
    throw new InvalidInvoiceTransition(
      current,
      NEXT[current].map((s) => s.toLowerCase()),
    );
  return to;
}

export interface InvoiceDraft {
  regionCode: string;
  municipalityCode: string;
  referralId: string;
  month: string;
  costOre: number;
  sharePercentBp: number;
  amountOre: number;
}

/**
 * A region's invoices for a month: one per placement it carried under regional responsibility that month, to the
 * referring municipality, at the schedule's share for the placement's nth month (rule 7).
 */
export function invoicesFor(
  lines: readonly CostLine[],
  regionCode: string,
  month: string,
  startDates: ReadonlyMap<string, string>,
  schedule: readonly CoFinancingBand[],
): InvoiceDraft[] {
  const cost = new Map<string, { municipalityCode: string; ore: number }>();
  for (const l of lines) {
    if (l.month !== month || l.payer.type !== 'region' || l.payer.code !== regionCode) continue;
    const c = cost.get(l.referralId) ?? { municipalityCode: l.municipalityCode, ore: 0 };
    c.ore += l.amountOre;
    cost.set(l.referralId, c);
  }
  return [...cost].map(([referralId, c]) => {
    const share = coFinancingShareBp(
      schedule,
      placementMonth(startDates.get(referralId) ?? `${month}-01`, month),
    );
    return {
      regionCode,
      municipalityCode: c.municipalityCode,
      referralId,
      month,
      costOre: c.ore,
      sharePercentBp: share,
      amountOre: coFinancingAmount(c.ore, share),
    };
  });
}
