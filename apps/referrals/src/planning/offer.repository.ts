import { Injectable } from '@nestjs/common';
import type { EventData, OfferUpdated } from '@platform/contracts';
import { PgDatabase, SqlTable } from '@platform/persistence';
import type { Tx } from '../database/prisma.service';
import type { Offer } from '../generated/prisma/client';

/** States in which a referral holds a place in its offer (belægning). */
export const OCCUPYING_STATUSES = ['ACCEPTED', 'PLACEMENT_ACTIVE'];

const offer = new SqlTable<Offer>('offer', {
  id: 'id',
  version: 'version',
  name: 'name',
  operatorOrgType: 'operator_org_type',
  operatorOrgCode: 'operator_org_code',
  level: 'level',
  targetGroups: 'target_groups',
  places: 'places',
  active: 'active',
  updatedAt: 'updated_at',
});

/**
 * The local read model of specialty planning's offers, and the occupancy this service is the authority on.
 * SQL on the request's pg transaction (decisions and accepts run inside one; see docs/performance.md).
 */
@Injectable()
export class OfferRepository {
  constructor(private readonly db: PgDatabase) {}

  async find(id: string, tx: Tx = this.db): Promise<Offer | null> {
    const { rows } = await tx.query<Offer>(offer.find('id', id));
    return rows[0] ?? null;
  }

  /** Locks the offer row: accepts on one offer queue up here, so the last free place goes to exactly one. */
  async lock(tx: Tx, id: string): Promise<Offer | null> {
    const { rows } = await tx.query<Offer>(offer.find('id', id, 'FOR UPDATE'));
    return rows[0] ?? null;
  }

  async occupancy(tx: Tx, offerId: string): Promise<number> {
    const [{ count }] = await tx.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM referral
      WHERE decision_offer_id = ${offerId}::uuid AND status = ANY(${OCCUPYING_STATUSES}::text[])`;
    return count;
  }

  /** Applies an offer event unless we already hold a newer version (events may be redelivered or reordered). */
  async upsert(tx: Tx, data: EventData<typeof OfferUpdated>): Promise<void> {
    await tx.$executeRaw`
      INSERT INTO offer (id, version, name, operator_org_type, operator_org_code, level, target_groups, places,
                         active, updated_at)
      VALUES (${data.offerId}::uuid, ${data.version}, ${data.name}, ${data.operatorOrgType},
              ${data.operatorOrgCode}, ${data.level}, ${data.targetGroups}::text[], ${data.places}, ${data.active},
              now())
      ON CONFLICT (id) DO UPDATE SET
        version = EXCLUDED.version, name = EXCLUDED.name, operator_org_type = EXCLUDED.operator_org_type,
        operator_org_code = EXCLUDED.operator_org_code, level = EXCLUDED.level,
        target_groups = EXCLUDED.target_groups, places = EXCLUDED.places, active = EXCLUDED.active,
        updated_at = EXCLUDED.updated_at
      WHERE offer.version < EXCLUDED.version`;
  }
}
