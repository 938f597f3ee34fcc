import { Injectable } from '@nestjs/common';
import { actorExtension, AuditTrail, type Principal } from '@platform/auth';
import { RateSet } from '@platform/contracts';
import { ProblemException } from '@platform/http';
import { UnitOfWork } from '@platform/kit';
import { OutboxRelay, OutboxWriter } from '@platform/messaging';
import { CostLedger } from '../cost/cost-ledger.service';
import type { Tx } from '../database/prisma.service';
import { IntakeRepository } from '../intake/intake.repository';
import type { SetRateInput } from './rate.dto';
import { RateRepository, type RateRow } from './rate.repository';

/**
 * Rates (takster): the offer's operator sets a year's rate; the change is a funding event, and the offer's cost
 * lines of that year are re-accrued in the same transaction.
 */
@Injectable()
export class RateService {
  constructor(
    private readonly rates: RateRepository,
    private readonly intake: IntakeRepository,
    private readonly uow: UnitOfWork,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
    private readonly audit: AuditTrail,
    private readonly ledger: CostLedger,
  ) {}

  async set(
    p: Principal,
    offerId: string,
    year: number,
    body: SetRateInput,
    requestId?: string,
  ): Promise<RateRow> {
    if (body.knowledgeOverhead > body.amount)
      throw ProblemException.validation([
        { pointer: '/knowledgeOverhead', detail: 'cannot exceed the rate' },
      ]);
    const offer = await this.intake.findOffer(offerId);
    // Another operator's offer is not there for this caller: 404, as for any resource outside one's scope.
    if (!offer || offer.operatorOrgCode !== p.orgCode || offer.operatorOrgType !== p.orgType)
      throw ProblemException.notFound(`offer ${offerId}`);
    const saved = await this.uow.run(async (tx: Tx) => {
      const row = await this.rates.set(tx, {
        offerId,
        year,
        unit: body.unit,
        amountOre: body.amount,
        knowledgeOverheadOre: body.knowledgeOverhead,
        setByOrgCode: p.orgCode,
      });
      await this.ledger.reaccrue(tx, { offerId }, { from: `${year}-01`, to: `${year}-12` });
      await this.outbox.append(tx, RateSet, {
        subject: offerId,
        data: {
          offerId,
          operatorOrgCode: offer.operatorOrgCode,
          year,
          unit: row.unit,
          amountOre: row.amountOre,
          knowledgeOverheadOre: row.knowledgeOverheadOre,
          revision: row.revision,
        },
        extensions: actorExtension(p),
      });
      await this.audit.record(tx, p, {
        action: 'rate.set',
        resource: { type: 'offer', id: offerId },
        purpose: 'financing',
        outcome: 'ALLOWED',
        requestId,
      });
      return row;
    });
    this.uow.afterCommit(() => this.relay.nudge());
    return saved;
  }
}
