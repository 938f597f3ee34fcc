import { Injectable } from '@nestjs/common';
import { PgDatabase } from '@platform/persistence';
import type { Tx } from '../database/prisma.service';

/** An offer's level of specialisation (specialiseringsniveau). */
export type OfferLevel = 'GENERAL' | 'LIGHT' | 'MODERATE' | 'HIGH';
export const OFFER_STATUSES = ['ACTIVE', 'INACTIVE'] as const;
/** Whether the offer takes referrals (aktiv) or not. */
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** One offer (tilbud) as the other capabilities read it: no view concerns, no occupancy. */
export interface OfferRecord {
  id: string;
  version: number;
  name: string;
  operatorOrgType: 'municipality' | 'region';
  operatorOrgCode: string;
  level: OfferLevel;
  /** Our target-group codes (e.g. 'VISION'), never FFB UUIDs. */
  targetGroups: string[];
  places: number;
  status: OfferStatus;
  /** The address's municipality; for a location-less intervention (matrikelløs indsats) the parent's. */
  municipalityCode: string;
  /** Set for a location-less intervention: the offer it is declared under. */
  parentOfferId: string | null;
}

/** Places per target group in an area (what a needs analysis compares demand with). */
export interface PlacesInArea {
  targetGroup: string;
  places: number;
  offerIds: string[];
}

/**
 * The offer directory's read interface for the other capabilities (plans, functions, takeovers, needs analyses).
 * Reads run in the caller's transaction when given one, so a command sees the offer as it locks it.
 */
@Injectable()
export class OfferDirectory {
  constructor(private readonly db: PgDatabase) {}

  async find(id: string, tx: Tx = this.db): Promise<OfferRecord | null> {
    if (!UUID.test(id)) return null;
    const rows = await tx.$queryRaw<OfferRecord[]>`
      SELECT o.id, o.version, o.name, o.operator_org_type AS "operatorOrgType",
             o.operator_org_code AS "operatorOrgCode", o.level, o.target_groups AS "targetGroups", o.places, o.status,
             o.municipality_code AS "municipalityCode", o.parent_offer_id AS "parentOfferId"
      FROM offer o WHERE o.id = ${id}::uuid`;
    return rows[0] ?? null;
  }

  /**
   * Places of the active offers whose address (the parent's, for an intervention) lies in one of the
   * municipalities, per target group. An offer with several target groups counts its places under each.
   */
  async placesIn(municipalityCodes: readonly string[], tx: Tx = this.db): Promise<PlacesInArea[]> {
    if (municipalityCodes.length === 0) return [];
    return tx.$queryRaw<PlacesInArea[]>`
      SELECT g.target_group AS "targetGroup", sum(o.places)::int AS places,
             array_agg(o.id::text ORDER BY o.id) AS "offerIds"
      FROM offer o CROSS JOIN LATERAL unnest(o.target_groups) AS g(target_group)
      WHERE o.status = 'ACTIVE' AND o.municipality_code = ANY(${municipalityCodes}::text[])
      GROUP BY g.target_group
      ORDER BY g.target_group`;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
