import { Injectable } from '@nestjs/common';
import { AuditTrail, type Principal } from '@platform/auth';
import { TakeoverRejected } from '@platform/contracts';
import { decodeInstantCursor, encodeInstantCursor, pageOf, ProblemException } from '@platform/http';
import { CommandRunner } from '@platform/kit';
import { event } from '@platform/messaging';
import { randomUUID } from 'node:crypto';
import type { Tx } from '../database/prisma.service';
import { OfferDirectory } from '../offer/offer-directory';
import { decideTakeover } from './domain/takeover-rule';
import type { CreateTakeoverInput, ListTakeoversQuery } from './dto/takeover.dto';
import { TakeoverRepository, type TakeoverRow } from './takeover.repository';

/** Takeover requests (SEL § 186): recorded and rejected at once, the offer untouched (rule 5). */
@Injectable()
export class TakeoverService {
  constructor(
    private readonly runner: CommandRunner,
    private readonly offers: OfferDirectory,
    private readonly repository: TakeoverRepository,
    private readonly audit: AuditTrail,
  ) {}

  /** Stores the request with its rejection and emits TakeoverRejected, in one transaction. */
  async request(principal: Principal, input: CreateTakeoverInput, requestId?: string): Promise<TakeoverRow> {
    return this.runner.record({
      principal,
      requestId,
      action: 'takeover.request',
      purpose: 'planning',
      write: async (tx: Tx) => {
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
        const rejected = event(TakeoverRejected, {
          requestId: saved.id,
          municipalityCode: saved.municipalityCode,
          offerId: saved.offerId,
          operatorOrgType: offer.operatorOrgType,
          operatorOrgCode: offer.operatorOrgCode,
          reason: outcome.reason,
          legalBasis: outcome.legalBasis,
        });
        return { saved, resource: { type: 'takeover-request', id: saved.id }, events: [rejected] };
      },
    });
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
    const after = query.cursor ? decodeInstantCursor(query.cursor) : undefined;
    const rows = await this.repository.list(principal, { offerId: query.offerId }, query.limit + 1, after);
    return pageOf(rows, query.limit, (r) => encodeInstantCursor({ at: r.requestedAt, id: r.id }));
  }
}
