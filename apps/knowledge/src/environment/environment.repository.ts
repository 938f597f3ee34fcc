import { Injectable } from '@nestjs/common';
import type { EventData, OfferUpdated } from '@platform/contracts';
import { dayOf, PgDatabase } from '@platform/persistence';
import { randomUUID } from 'node:crypto';
import type { Tx } from '../database/prisma.service';
import type { AdvisoryFunction, Offer } from '../generated/prisma/client';
import type { AdvisoryFunctionFacts, OrgType } from './domain/advisory-function';

/** An approval of an advisory function, from FunctionApproved or a PlanApproved entry. */
export interface FunctionApproval {
  planningFunctionId: string | null;
  offerId: string;
  operatorOrgCode: string | null;
  targetGroup: string;
  validFrom: string;
  validTo: string;
  minimumYearlyVolume: number;
  planVersion: number | null;
}

/** A roster row with its offer (null until specialty planning's OfferUpdated arrived). */
export interface RosterRow extends AdvisoryFunction {
  offer: Offer | null;
}

interface JoinedRow extends AdvisoryFunction {
  offerName: string | null;
  offerVersion: number | null;
  offerOperatorOrgType: string | null;
  offerOperatorOrgCode: string | null;
  offerLevel: string | null;
  offerTargetGroups: string[] | null;
  offerActive: boolean | null;
  offerMunicipalityCode: string | null;
  offerUpdatedAt: Date | null;
}

const ROSTER_SELECT = `
  SELECT f.id, f.planning_function_id AS "planningFunctionId", f.offer_id AS "offerId",
         f.operator_org_code AS "operatorOrgCode", f.target_group AS "targetGroup", f.valid_from AS "validFrom",
         f.valid_to AS "validTo", f.minimum_yearly_volume AS "minimumYearlyVolume", f.plan_version AS "planVersion",
         f.expiry_announced_at AS "expiryAnnouncedAt", f.created_at AS "createdAt", f.updated_at AS "updatedAt",
         o.name AS "offerName", o.version AS "offerVersion", o.operator_org_type AS "offerOperatorOrgType",
         o.operator_org_code AS "offerOperatorOrgCode", o.level AS "offerLevel", o.target_groups AS "offerTargetGroups",
         o.active AS "offerActive", o.municipality_code AS "offerMunicipalityCode", o.updated_at AS "offerUpdatedAt"
  FROM advisory_function f LEFT JOIN offer o ON o.id = f.offer_id`;

/**
 * The roster of knowledge environments: specialty planning's offers and the advisory functions approved for
 * them, kept from planning's events (each write idempotent: an event applied twice sets the same state).
 */
@Injectable()
export class EnvironmentRepository {
  constructor(private readonly db: PgDatabase) {}

  /** Applies an offer event unless we already hold a newer version (events may be redelivered or reordered). */
  async upsertOffer(tx: Tx, data: EventData<typeof OfferUpdated>): Promise<void> {
    await tx.$executeRaw`
      INSERT INTO offer (id, version, name, operator_org_type, operator_org_code, level, target_groups, active,
                         municipality_code, updated_at)
      VALUES (${data.offerId}::uuid, ${data.version}, ${data.name}, ${data.operatorOrgType},
              ${data.operatorOrgCode}, ${data.level}, ${data.targetGroups}::text[], ${data.active},
              ${data.municipalityCode ?? null}, now())
      ON CONFLICT (id) DO UPDATE SET
        version = EXCLUDED.version, name = EXCLUDED.name, operator_org_type = EXCLUDED.operator_org_type,
        operator_org_code = EXCLUDED.operator_org_code, level = EXCLUDED.level,
        target_groups = EXCLUDED.target_groups, active = EXCLUDED.active,
        municipality_code = COALESCE(EXCLUDED.municipality_code, offer.municipality_code),
        updated_at = EXCLUDED.updated_at
      WHERE offer.version < EXCLUDED.version`;
  }

  /**
   * Records an approval. One row per offer, target group and start date: FunctionApproved and the plan entry
   * that may describe the same approval meet here, each adding what it knows (planning's id, the operator).
   */
  async approve(tx: Tx, a: FunctionApproval): Promise<void> {
    await tx.$executeRaw`
      INSERT INTO advisory_function (id, planning_function_id, offer_id, operator_org_code, target_group, valid_from,
                                     valid_to, minimum_yearly_volume, plan_version, created_at, updated_at)
      VALUES (${randomUUID()}::uuid, ${a.planningFunctionId}::uuid, ${a.offerId}::uuid, ${a.operatorOrgCode},
              ${a.targetGroup}, ${a.validFrom}::date, ${a.validTo}::date, ${a.minimumYearlyVolume},
              ${a.planVersion}, now(), now())
      ON CONFLICT (offer_id, target_group, valid_from) DO UPDATE SET
        planning_function_id = COALESCE(EXCLUDED.planning_function_id, advisory_function.planning_function_id),
        operator_org_code = COALESCE(EXCLUDED.operator_org_code, advisory_function.operator_org_code),
        plan_version = COALESCE(EXCLUDED.plan_version, advisory_function.plan_version),
        valid_to = EXCLUDED.valid_to, minimum_yearly_volume = EXCLUDED.minimum_yearly_volume, updated_at = now()`;
  }

  /**
   * FunctionExpiring: the approval ends on `validTo` (announced 6 months ahead). Found by planning's id, else
   * by the offer and target group (the approval that covers the date). Nothing to do for one we never had.
   */
  async announceExpiry(
    tx: Tx,
    e: { functionId: string; offerId: string; targetGroup: string; validTo: string },
  ): Promise<number> {
    const byId = await tx.$executeRaw`
      UPDATE advisory_function SET valid_to = ${e.validTo}::date, expiry_announced_at = now(), updated_at = now()
      WHERE planning_function_id = ${e.functionId}::uuid`;
    if (byId > 0) return byId;
    return tx.$executeRaw`
      UPDATE advisory_function SET valid_to = ${e.validTo}::date, expiry_announced_at = now(), updated_at = now(),
        planning_function_id = COALESCE(planning_function_id, ${e.functionId}::uuid)
      WHERE id = (SELECT id FROM advisory_function
                  WHERE offer_id = ${e.offerId}::uuid AND target_group = ${e.targetGroup}
                    AND valid_from <= ${e.validTo}::date
                  ORDER BY valid_from DESC LIMIT 1)`;
  }

  /** Every function approved for a target group, with its offer, for assignment. */
  async functionsFor(targetGroup: string, tx: Tx = this.db): Promise<AdvisoryFunctionFacts[]> {
    const rows = await this.roster(tx, 'WHERE f.target_group = $1', [targetGroup]);
    return rows.map(toFacts);
  }

  async findFunction(id: string, tx: Tx = this.db): Promise<RosterRow | null> {
    const [row] = await this.roster(tx, 'WHERE f.id = $1', [id]);
    return row ?? null;
  }

  /** The roster, filtered by target group and offer when given. */
  list(filter: { targetGroup?: string; offerId?: string }): Promise<RosterRow[]> {
    const where: string[] = [];
    const values: unknown[] = [];
    if (filter.targetGroup) where.push(`f.target_group = $${values.push(filter.targetGroup)}`);
    if (filter.offerId) where.push(`f.offer_id = $${values.push(filter.offerId)}::uuid`);
    return this.roster(this.db, where.length ? `WHERE ${where.join(' AND ')}` : '', values);
  }

  /** True when some advisory function was ever approved for the target group. */
  async hasTargetGroup(targetGroup: string, tx: Tx = this.db): Promise<boolean> {
    const rows = await tx.$queryRaw<unknown[]>`
      SELECT 1 FROM advisory_function WHERE target_group = ${targetGroup} LIMIT 1`;
    return rows.length > 0;
  }

  private async roster(tx: Tx, where: string, values: unknown[]): Promise<RosterRow[]> {
    const { rows } = await tx.query<JoinedRow>({
      text: `${ROSTER_SELECT} ${where} ORDER BY f.offer_id, f.target_group, f.valid_from`,
      values,
    });
    return rows.map(splitOffer);
  }
}

function splitOffer(row: JoinedRow): RosterRow {
  const {
    offerName,
    offerVersion,
    offerOperatorOrgType,
    offerOperatorOrgCode,
    offerLevel,
    offerTargetGroups,
    offerActive,
    offerMunicipalityCode,
    offerUpdatedAt,
    ...fn
  } = row;
  const offer: Offer | null =
    offerName === null
      ? null
      : {
          id: fn.offerId,
          version: offerVersion as number,
          name: offerName,
          operatorOrgType: offerOperatorOrgType as string,
          operatorOrgCode: offerOperatorOrgCode as string,
          level: offerLevel as string,
          targetGroups: offerTargetGroups ?? [],
          active: offerActive as boolean,
          municipalityCode: offerMunicipalityCode,
          updatedAt: offerUpdatedAt as Date,
        };
  return { ...fn, offer };
}

/** A roster row as the assignment rule sees it. */
export function toFacts(row: RosterRow): AdvisoryFunctionFacts {
  return {
    id: row.id,
    planningFunctionId: row.planningFunctionId,
    offerId: row.offerId,
    targetGroup: row.targetGroup,
    validFrom: dayOf(row.validFrom),
    validTo: dayOf(row.validTo),
    operatorOrgType: (row.offer?.operatorOrgType as OrgType | undefined) ?? null,
    operatorOrgCode: row.offer?.operatorOrgCode ?? row.operatorOrgCode,
    municipalityCode: row.offer?.municipalityCode ?? null,
    offerActive: row.offer?.active ?? true,
  };
}
