import { Injectable } from '@nestjs/common';
import { todayInDenmark } from '@platform/domain';
import { PgDatabase } from '@platform/persistence';
import type { Tx } from '../database/prisma.service';
import { OCCUPYING_STATUSES } from '../activity/activity.repository';
import type { OfferRow } from './offer.repository';

/** An intervention as its parent lists it. */
export interface InterventionSummary {
  id: string;
  name: string;
  level: string;
  places: number;
  status: string;
  targetGroups: string[];
}

/** A function (specialfunktion / rådgivningsfunktion) the offer holds today. */
export interface HeldFunction {
  functionType: string;
  targetGroup: string;
  validFrom: string;
  validTo: string;
}

/** An offer with what its view shows beside its row: the address it works from, interventions, functions. */
export interface OfferDetails extends Omit<OfferRow, 'createdAt'> {
  /** Set on an intervention: true, its address columns are the parent's. */
  locationLess: boolean;
  interventions: InterventionSummary[];
  functions: HeldFunction[];
}

/** The directory's filters, already resolved (a region to its municipalities, a target group to our code). */
export interface OfferFilter {
  id?: string;
  targetGroup?: string;
  level?: string;
  municipalityCodes?: readonly string[];
  freePlaces?: boolean;
  functionType?: string;
  operatorCode?: string;
  status?: string;
}

/** A page position: the last row's (name, id). */
export interface OfferCursor {
  name: string;
  id: string;
}

/** Conditions with their parameters: `p(value)` adds a parameter and returns its `$n`. */
class Conditions {
  readonly values: unknown[] = [];
  private readonly parts: string[] = [];
  add(build: (p: (value: unknown) => string) => string): void {
    this.parts.push(build((value) => `$${this.values.push(value)}`));
  }
  get sql(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}

/**
 * The directory's reads: one statement for a page (or one offer), with the interventions and today's functions
 * of the page's offers only. Occupancy is not here: the view takes it from ActivityRepository.occupancy.
 */
@Injectable()
export class OfferQuery {
  constructor(private readonly db: PgDatabase) {}

  async one(id: string, tx: Tx = this.db): Promise<OfferDetails | null> {
    return (await this.page({ id }, 1, undefined, tx))[0] ?? null;
  }

  async page(
    filter: OfferFilter,
    limit: number,
    after?: OfferCursor,
    tx: Tx = this.db,
  ): Promise<OfferDetails[]> {
    const where = conditions(filter, after);
    const today = `$${where.values.push(todayInDenmark())}::date`;
    const { rows } = await tx.query<OfferDetails>({
      text: `
        WITH page AS (
          SELECT o.* FROM offer o ${where.sql} ORDER BY o.name, o.id LIMIT $${where.values.push(limit)})
        SELECT o.id, o.version, o.name, o.operator_org_type AS "operatorOrgType",
               o.operator_org_code AS "operatorOrgCode", o.private_provider_cvr AS "privateProviderCvr",
               o.private_provider_name AS "privateProviderName", o.legal_bases AS "legalBases",
               o.target_groups AS "targetGroups", o.level, o.places, o.rate_per_day::text AS "ratePerDay",
               o.status, coalesce(o.street, p.street) AS street, coalesce(o.postal_code, p.postal_code) AS "postalCode",
               coalesce(o.city, p.city) AS city, o.municipality_code AS "municipalityCode",
               o.parent_offer_id AS "parentOfferId", o.parent_offer_id IS NOT NULL AS "locationLess",
               o.updated_at AS "updatedAt",
               (SELECT coalesce(json_agg(json_build_object('id', c.id, 'name', c.name, 'level', c.level,
                         'places', c.places, 'status', c.status, 'targetGroups', c.target_groups)
                         ORDER BY c.name, c.id), '[]')
                  FROM offer c WHERE c.parent_offer_id = o.id) AS interventions,
               (SELECT coalesce(json_agg(json_build_object('functionType', f.function_type,
                         'targetGroup', f.target_group, 'validFrom', f.valid_from, 'validTo', f.valid_to)
                         ORDER BY f.function_type, f.target_group, f.valid_from), '[]')
                  FROM specialty_function f
                  WHERE f.offer_id = o.id AND ${today} BETWEEN f.valid_from AND f.valid_to) AS functions
        FROM page o LEFT JOIN offer p ON p.id = o.parent_offer_id
        ORDER BY o.name, o.id`,
      values: where.values,
    });
    return rows;
  }
}

/** The WHERE of a page; every value a parameter. */
function conditions(filter: OfferFilter, after?: OfferCursor): Conditions {
  const where = new Conditions();
  if (filter.id) where.add((p) => `o.id = ${p(filter.id)}::uuid`);
  if (filter.targetGroup) where.add((p) => `o.target_groups @> ARRAY[${p(filter.targetGroup)}]::text[]`);
  if (filter.level) where.add((p) => `o.level = ${p(filter.level)}`);
  if (filter.municipalityCodes) {
    where.add((p) => `o.municipality_code = ANY(${p(filter.municipalityCodes)}::text[])`);
  }
  if (filter.operatorCode) where.add((p) => `o.operator_org_code = ${p(filter.operatorCode)}`);
  if (filter.status) where.add((p) => `o.status = ${p(filter.status)}`);
  if (filter.freePlaces !== undefined) {
    // The same count as ActivityRepository.occupancy, so the filter and the shown occupancy agree.
    where.add(
      (p) =>
        `(o.places > (SELECT count(*) FROM referral_activity ra WHERE ra.offer_id = o.id
                        AND ra.status = ANY(${p(OCCUPYING_STATUSES)}::text[]))) = ${p(filter.freePlaces)}`,
    );
  }
  if (filter.functionType) {
    where.add(
      (p) => `EXISTS (SELECT 1 FROM specialty_function f WHERE f.offer_id = o.id
                AND f.function_type = ${p(filter.functionType)}
                AND ${p(todayInDenmark())}::date BETWEEN f.valid_from AND f.valid_to)`,
    );
  }
  if (after) where.add((p) => `(o.name, o.id) > (${p(after.name)}, ${p(after.id)}::uuid)`);
  return where;
}
