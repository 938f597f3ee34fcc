import { Injectable } from '@nestjs/common';
import type { EventData, OfferUpdated } from '@platform/contracts';
import { PrismaService, type Tx } from '../database/prisma.service';
import type { Offer } from '../generated/prisma/client';

/** States in which a referral holds a place in its offer (belægning). */
export const OCCUPYING_STATUSES = ['ACCEPTED', 'PLACEMENT_ACTIVE'];

/** The local read model of specialty planning's offers, and the occupancy this service is the authority on. */
@Injectable()
export class OfferRepository {
  constructor(private readonly prisma: PrismaService) {}

  find(id: string, tx: Tx | PrismaService = this.prisma): Promise<Offer | null> {
    return tx.offer.findUnique({ where: { id } });
  }

  /** Locks the offer row: accepts on one offer queue up here, so the last free place goes to exactly one. */
  async lock(tx: Tx, id: string): Promise<Offer | null> {
    await tx.$executeRaw`SELECT 1 FROM offer WHERE id = ${id}::uuid FOR UPDATE`;
    return this.find(id, tx);
  }

  occupancy(tx: Tx | PrismaService, offerId: string): Promise<number> {
    return tx.referral.count({ where: { decisionOfferId: offerId, status: { in: OCCUPYING_STATUSES } } });
  }

  /** Applies an offer event unless we already hold a newer version (events may be redelivered or reordered). */
  async upsert(tx: Tx, offer: EventData<typeof OfferUpdated>): Promise<void> {
    const data = {
      version: offer.version,
      name: offer.name,
      operatorOrgType: offer.operatorOrgType,
      operatorOrgCode: offer.operatorOrgCode,
      level: offer.level,
      targetGroups: offer.targetGroups,
      places: offer.places,
      active: offer.active,
      updatedAt: new Date(),
    };
    const current = await tx.offer.findUnique({ where: { id: offer.offerId }, select: { version: true } });
    if (!current) await tx.offer.create({ data: { id: offer.offerId, ...data } });
    else if (current.version < offer.version) await tx.offer.update({ where: { id: offer.offerId }, data });
  }
}
