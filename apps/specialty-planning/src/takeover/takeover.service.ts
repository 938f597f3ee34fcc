import { Injectable } from '@nestjs/common';
import { actorExtension, AuditTrail, type Principal } from '@platform/auth';
import { TakeoverRejected } from '@platform/contracts';
import { ProblemException } from '@platform/http';
import { UnitOfWork } from '@platform/kit';
import { OutboxRelay, OutboxWriter } from '@platform/messaging';
import { randomUUID } from 'node:crypto';
import type { Tx } from '../database/prisma.service';
import { decodeCursor, pageOf } from '../framework/api-fields';
import { OfferDirectory } from '../offer/offer-directory';
import { decideTakeover } from './domain/takeover-rule';
import type { CreateTakeoverInput, ListTakeoversQuery } from './dto/takeover.dto';
import { TakeoverRepository, type TakeoverRow } from './takeover.repository';

/** Takeover requests (SEL § 186): recorded and rejected at once, the offer untouched (rule 5). */
@Injectable()
export class TakeoverService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly offers: OfferDirectory,
    private readonly repository: TakeoverRepository,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
    private readonly audit: AuditTrail,
  ) {}

  /** Stores the request with its rejection and emits TakeoverRejected, in one transaction. */
  async request(principal: Principal, input: CreateTakeoverInput, requestId?: string): Promise<TakeoverRow> {
    const row = await this.uow.run(async (tx: Tx) => {
      const offer = await this.offers.find(input.offerId, tx);
      if (!offer) throw ProblemException.notFound(`offer ${input.offerId}`);
      const outcome = decideTakeover(offer);
      const now = new Date();
      const saved = await this.repository.insert(tx, {
        id: randomUUID(),
        municipalityCode: principal.orgCode,
        offerId: offer.id,
        offerOperatorOrgType: offer.operatorOrgType,
        offerOperatorOrgCode: offer.operatorOrgCode,
        note: input.note ?? null,
        status: outcome.status,
        reason: outcome.reason,
        legalBasis: outcome.legalBasis,
        requestedAt: now,
        decidedAt: now,
      });
      await this.outbox.append(tx, TakeoverRejected, {
        subject: saved.id,
        data: {
          requestId: saved.id,
          municipalityCode: saved.municipalityCode,
          offerId: saved.offerId,
          operatorOrgType: offer.operatorOrgType,
          operatorOrgCode: offer.operatorOrgCode,
          reason: outcome.reason,
          legalBasis: outcome.legalBasis,
        },
        extensions: actorExtension(principal),
      });
      await this.audit.record(tx, principal, {
        action: 'takeover.request',
        resource: { type: 'takeover-request', id: saved.id },
        purpose: 'planning',
        outcome: 'ALLOWED',
        requestId,
      });
      return saved;
    });
    this.uow.afterCommit(() => this.relay.nudge());
    return row;
  }

  /** One request in the caller's scope; 404 otherwise, and the attempt audited. */
  async get(principal: Principal, id: string, requestId?: string): Promise<TakeoverRow> {
    const row = await this.repository.findInScope(id, principal);
    if (row) return row;
    await this.audit.denied(principal, {
      action: 'takeover.read',
      resource: { type: 'takeover-request', id },
      requestId,
    });
    throw ProblemException.notFound(`takeover request ${id}`);
  }

  async list(principal: Principal, query: ListTakeoversQuery) {
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    const rows = await this.repository.list(principal, { offerId: query.offerId }, query.limit + 1, after);
    return pageOf(rows, query.limit, (r) => ({ at: r.requestedAt, id: r.id }));
  }
}
