import { Injectable } from '@nestjs/common';
import { AuditTrail, type Principal } from '@platform/auth';
import { RiskCapitalGranted } from '@platform/contracts';
import { ProblemException } from '@platform/http';
import { CommandRunner, UnitOfWork, type ChangeRequest } from '@platform/kit';
import { event, OutboxRelay } from '@platform/messaging';
import { randomUUID } from 'node:crypto';
import type { Tx } from '../database/prisma.service';
import { decideApplication, LoanNeedsRepaymentYears, type RiskCapitalKind } from './risk-capital.domain';
import { RiskCapitalRepository, type ApplicationRow } from './risk-capital.repository';

export interface ApplicationInput {
  gapId: string;
  kind: RiskCapitalKind;
  amount: number;
  purpose: string;
  repaymentYears?: number;
  firstRepaymentYear?: number;
}

export const applicationEtag = (a: ApplicationRow) => `W/"${a.revision}"`;

/** Risk-willing capital (risikovillig kapital) for a needs-analysis gap: a region applies, the state decides (rule 8). */
@Injectable()
export class RiskCapitalService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly runner: CommandRunner,
    private readonly applications: RiskCapitalRepository,
    private readonly relay: OutboxRelay,
    private readonly audit: AuditTrail,
  ) {}

  async apply(p: Principal, input: ApplicationInput, requestId?: string): Promise<ApplicationRow> {
    if (input.kind === 'LOAN' && (!input.repaymentYears || !input.firstRepaymentYear))
      throw new LoanNeedsRepaymentYears();
    const id = randomUUID();
    const saved = await this.uow.run(async (tx: Tx) => {
      const gap = await this.applications.gap(input.gapId, tx);
      // A gap of another region's framework area is not the caller's to apply for: as if it did not exist.
      if (!gap || gap.regionCode !== p.orgCode)
        throw ProblemException.notFound(`needs-analysis gap ${input.gapId}`);
      const row = await this.applications.insert(tx, {
        id,
        regionCode: p.orgCode,
        gapId: input.gapId,
        kind: input.kind,
        amountOre: input.amount,
        purpose: input.purpose,
        repaymentYears: input.kind === 'LOAN' ? (input.repaymentYears ?? null) : null,
        firstRepaymentYear: input.kind === 'LOAN' ? (input.firstRepaymentYear ?? null) : null,
      });
      await this.audit.record(tx, p, {
        action: 'risk-capital.apply',
        resource: { type: 'risk-capital-application', id },
        purpose: 'financing',
        outcome: 'ALLOWED',
        requestId,
      });
      return row;
    });
    this.uow.afterCommit(() => this.relay.nudge());
    return saved;
  }

  decide(change: ChangeRequest, approved: boolean, reason: string | null): Promise<ApplicationRow> {
    return this.runner.run<ApplicationRow, ReturnType<typeof decideApplication>, ApplicationRow, Tx>({
      principal: change.principal,
      requestId: change.requestId,
      ifMatch: change.ifMatch,
      resource: { type: 'risk-capital-application', id: change.id },
      action: 'risk-capital.decide',
      purpose: 'financing',
      load: (tx) => this.applications.find(change.id, tx, 'FOR UPDATE'),
      etag: applicationEtag,
      transition: (a) => {
        const d = decideApplication(a, approved);
        const events =
          d.status === 'GRANTED'
            ? [
                event(RiskCapitalGranted, {
                  applicationId: a.id,
                  regionCode: a.regionCode,
                  gapId: a.gapId,
                  targetGroup: a.targetGroup,
                  kind: a.kind,
                  amountOre: a.amountOre,
                  repayments: d.repayments,
                }),
              ]
            : [];
        return { change: d, events };
      },
      save: (tx, a, d) =>
        this.applications.decide(
          tx,
          a.id,
          d.status,
          reason,
          d.repayments.map((r) => r.amountOre),
        ),
    });
  }
}
