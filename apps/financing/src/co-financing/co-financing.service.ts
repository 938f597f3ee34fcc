import { Injectable } from '@nestjs/common';
import { actorExtension, AuditTrail, type Principal } from '@platform/auth';
import { CoFinancingInvoiced, CoFinancingSettled } from '@platform/contracts';
import { StateConflict } from '@platform/domain';
import { CommandRunner, UnitOfWork, type ChangeRequest } from '@platform/kit';
import { event, OutboxRelay, OutboxWriter } from '@platform/messaging';
import { CostLineRepository } from '../cost/cost-line.repository';
import { IntakeRepository } from '../intake/intake.repository';
import type { Tx } from '../database/prisma.service';
import { RuleSetRepository } from '../rule-set/rule-set.repository';
import { invoicesFor, invoiceTransition, type InvoiceStatus } from './co-financing.domain';
import { CoFinancingRepository, type InvoiceRow } from './co-financing.repository';

class NoRuleSet extends StateConflict {
  constructor(year: number) {
    super('NO_RULE_SET', `no rule set is in force for ${year}`, { year });
  }
}

export const invoiceEtag = (i: InvoiceRow) => `W/"${i.revision}"`;

/** Co-financing (medfinansiering): the region that carries a placement invoices the referring municipality monthly. */
@Injectable()
export class CoFinancingService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly runner: CommandRunner,
    private readonly invoices: CoFinancingRepository,
    private readonly ruleSets: RuleSetRepository,
    private readonly lines: CostLineRepository,
    private readonly intake: IntakeRepository,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
    private readonly audit: AuditTrail,
  ) {}

  /** Issues the caller region's invoices for a month; a month issued before adds only what is new. */
  async issue(p: Principal, month: string, requestId?: string): Promise<InvoiceRow[]> {
    const year = Number(month.slice(0, 4));
    const issued = await this.uow.run(async (tx: Tx) => {
      const ruleSet = await this.ruleSets.inForce(year, `${month}-01`, tx);
      if (!ruleSet) throw new NoRuleSet(year);
      const lines = await this.lines.find(
        { from: month, to: month, payer: { type: 'region', code: p.orgCode } },
        tx,
      );
      const placements = await this.intake.placements([...new Set(lines.map((l) => l.referralId))], tx);
      const starts = new Map(placements.map((pl) => [pl.referralId, pl.startDate]));
      const drafts = invoicesFor(lines, p.orgCode, month, starts, ruleSet.coFinancing);
      const rows = await this.invoices.issue(tx, drafts);
      const now = new Date().toISOString();
      for (const [municipalityCode, group] of groupBy(rows, (r) => r.municipalityCode)) {
        await this.outbox.append(tx, CoFinancingInvoiced, {
          subject: `${p.orgCode}-${municipalityCode}-${month}`,
          data: {
            regionCode: p.orgCode,
            municipalityCode,
            month,
            invoices: group.length,
            amountOre: group.reduce((a, r) => a + r.amountOre, 0),
            issuedAt: now,
          },
          extensions: actorExtension(p),
        });
      }
      await this.audit.record(tx, p, {
        action: 'co-financing.issue',
        resource: { type: 'co-financing-month', id: month },
        purpose: 'financing',
        outcome: 'ALLOWED',
        requestId,
      });
      return rows;
    });
    this.uow.afterCommit(() => this.relay.nudge());
    return issued;
  }

  /** The issuing region records payment; the municipality disputes (with a reason). */
  settle(change: ChangeRequest, to: InvoiceStatus, reason: string | null): Promise<InvoiceRow> {
    const p = change.principal;
    const inScope = (i: InvoiceRow) =>
      to === 'PAID'
        ? p.orgType === 'region' && i.regionCode === p.orgCode
        : p.orgType === 'municipality' && i.municipalityCode === p.orgCode;
    return this.runner.run<InvoiceRow, InvoiceStatus, InvoiceRow, Tx>({
      principal: p,
      requestId: change.requestId,
      ifMatch: change.ifMatch,
      resource: { type: 'co-financing-invoice', id: change.id },
      action: to === 'PAID' ? 'co-financing.pay' : 'co-financing.dispute',
      purpose: 'financing',
      load: async (tx) => {
        const found = await this.invoices.find(change.id, tx, 'FOR UPDATE');
        return found && inScope(found) ? found : null;
      },
      etag: invoiceEtag,
      transition: (i) => ({
        change: invoiceTransition(i.status, to),
        events: [
          event(CoFinancingSettled, {
            regionCode: i.regionCode,
            municipalityCode: i.municipalityCode,
            month: i.month,
            status: to as 'PAID' | 'DISPUTED',
            amountOre: i.amountOre,
            settledAt: new Date().toISOString(),
          }),
        ].map((e) => ({ ...e, subject: `${i.regionCode}-${i.municipalityCode}-${i.month}` })),
      }),
      save: (tx, i, status) => this.invoices.settle(tx, i.id, status, reason),
    });
  }
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
