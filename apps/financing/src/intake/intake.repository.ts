import { Injectable } from '@nestjs/common';
import type {
  EventData,
  FunctionApproved,
  NeedsAnalysisGap,
  OfferUpdated,
  PlacementStarted,
} from '@platform/contracts';
import type { IsoDate, Responsibility, ResponsibilityChange } from '@platform/domain';
import { currentCorrelationId } from '@platform/messaging';
import { PgDatabase } from '@platform/persistence';
import type { OfferFacts } from '../cost/domain/accrual';
import type { CasePlacement } from '../cost/domain/ledger';
import type { Tx } from '../database/prisma.service';

/** A placement with what refusion needs to know about its advice. */
export interface PlacementRow extends CasePlacement {
  /** The case's correlation id, from the placement event (null: placed before issue 13). */
  correlationId: string | null;
  ageGroup: string;
  adviceObtained: boolean;
  followsAdvice: boolean | null;
  deviation: boolean;
  /** Decided ahead of advice (urgent): the advice counts only within the rule set's deadline from `decidedOn`. */
  decidedBeforeAdvice: boolean;
  decidedOn: IsoDate | null;
  adviceReceivedOn: IsoDate | null;
}

export interface OfferRow extends OfferFacts {
  id: string;
  name: string;
}

const PLACEMENT_SELECT = `
  SELECT referral_id AS "referralId", municipality_code AS "municipalityCode", citizen_pseudonym AS "citizenPseudonym",
         age_group AS "ageGroup", target_group AS "targetGroup", offer_id AS "offerId",
         to_char(start_date, 'YYYY-MM-DD') AS "startDate", to_char(end_date, 'YYYY-MM-DD') AS "endDate",
         deviation, advice_obtained AS "adviceObtained", follows_advice AS "followsAdvice",
         decided_before_advice AS "decidedBeforeAdvice", to_char(decided_on, 'YYYY-MM-DD') AS "decidedOn",
         to_char(advice_received_on, 'YYYY-MM-DD') AS "adviceReceivedOn", correlation_id AS "correlationId"
  FROM placement`;

/**
 * What financing learns from the other services' events (read models, each write idempotent): offers, target
 * groups' responsibility, and placements with their advice facts.
 */
@Injectable()
export class IntakeRepository {
  constructor(private readonly db: PgDatabase) {}

  async upsertOffer(tx: Tx, d: EventData<typeof OfferUpdated>): Promise<void> {
    await tx.$executeRaw`
      INSERT INTO offer (id, version, name, operator_org_type, operator_org_code, level, target_groups,
                         municipality_code, updated_at)
      VALUES (${d.offerId}::uuid, ${d.version}, ${d.name}, ${d.operatorOrgType}, ${d.operatorOrgCode}, ${d.level},
              ${d.targetGroups}::text[], ${d.municipalityCode ?? null}, now())
      ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, name = EXCLUDED.name,
        operator_org_type = EXCLUDED.operator_org_type, operator_org_code = EXCLUDED.operator_org_code,
        level = EXCLUDED.level, target_groups = EXCLUDED.target_groups,
        municipality_code = COALESCE(EXCLUDED.municipality_code, offer.municipality_code), updated_at = now()
      WHERE offer.version < EXCLUDED.version`;
  }

  async responsibility(tx: Tx, c: ResponsibilityChange): Promise<void> {
    await tx.$executeRaw`
      INSERT INTO responsibility_change (target_group, effective_from, responsibility)
      VALUES (${c.targetGroup}, ${c.effectiveFrom}::date, ${c.responsibility})
      ON CONFLICT (target_group, effective_from) DO UPDATE SET responsibility = EXCLUDED.responsibility`;
  }

  /**
   * The placement with the case's correlation id: the consumer runs in the placement event's (the referral's),
   * and the placement keeps the first it got, so its cost lines name the case whatever re-accrues them later.
   */
  async placementStarted(tx: Tx, d: EventData<typeof PlacementStarted>): Promise<void> {
    const correlationId = currentCorrelationId() ?? null;
    // followsAdvice is null when no advice was given before the decision; late advice updates it (adviceReceived).
    await tx.$executeRaw`
      INSERT INTO placement (referral_id, municipality_code, citizen_pseudonym, age_group, target_group, offer_id,
                             operator_org_code, level, start_date, end_date, deviation, advice_obtained,
                             follows_advice, decided_before_advice, decided_on, advice_received_on,
                             updated_at, correlation_id)
      SELECT ${d.referralId}::uuid, ${d.municipalityCode}::text, ${d.citizenPseudonym}::text, ${d.ageGroup}::text,
             ${d.targetGroup}::text, ${d.offerId}::uuid, ${d.operatorOrgCode}::text, ${d.level}::text,
             ${d.startDate}::date, NULL::date, ${d.deviation}::boolean, ${d.followsAdvice !== null}::boolean,
             ${d.followsAdvice}::boolean, u.referral_id IS NOT NULL, u.decided_on,
             u.advice_received_on, now(), ${correlationId}::text
      FROM (SELECT 1) AS one LEFT JOIN urgent_decision u ON u.referral_id = ${d.referralId}::uuid
      ON CONFLICT (referral_id) DO UPDATE SET start_date = EXCLUDED.start_date, offer_id = EXCLUDED.offer_id,
        deviation = EXCLUDED.deviation, correlation_id = COALESCE(placement.correlation_id, EXCLUDED.correlation_id),
        advice_obtained = placement.advice_obtained OR EXCLUDED.advice_obtained,
        follows_advice = COALESCE(EXCLUDED.follows_advice, placement.follows_advice), updated_at = now()`;
  }

  async placementEnded(tx: Tx, referralId: string, endDate: IsoDate): Promise<void> {
    await tx.$executeRaw`
      UPDATE placement SET end_date = ${endDate}::date, updated_at = now() WHERE referral_id = ${referralId}::uuid`;
  }

  /** A referral decided ahead of advice: the day the rule set's advice deadline runs from. */
  async urgentDecision(tx: Tx, referralId: string, decidedOn: IsoDate): Promise<void> {
    await tx.$executeRaw`
      INSERT INTO urgent_decision (referral_id, decided_on) VALUES (${referralId}::uuid, ${decidedOn}::date)
      ON CONFLICT (referral_id) DO UPDATE SET decided_on = EXCLUDED.decided_on`;
    await tx.$executeRaw`
      UPDATE placement SET decided_before_advice = true, decided_on = ${decidedOn}::date, updated_at = now()
      WHERE referral_id = ${referralId}::uuid`;
  }

  /**
   * Advice that reached a decided referral: obtained, and followed or not (rule 4, late advice), and the day it
   * first arrived (the advice deadline is measured to it).
   */
  async adviceReceived(
    tx: Tx,
    referralId: string,
    followsAdvice: boolean | undefined,
    deviation: boolean | undefined,
    receivedOn: IsoDate,
  ) {
    await tx.$executeRaw`
      UPDATE placement SET advice_obtained = true,
        advice_received_on = COALESCE(advice_received_on, ${receivedOn}::date),
        follows_advice = COALESCE(${followsAdvice ?? null}::boolean, follows_advice),
        deviation = COALESCE(${deviation ?? null}::boolean, deviation), updated_at = now()
      WHERE referral_id = ${referralId}::uuid`;
    await tx.$executeRaw`
      UPDATE urgent_decision SET advice_received_on = COALESCE(advice_received_on, ${receivedOn}::date)
      WHERE referral_id = ${referralId}::uuid`;
  }

  async gap(tx: Tx, d: EventData<typeof NeedsAnalysisGap>): Promise<void> {
    await tx.$executeRaw`
      INSERT INTO needs_gap (gap_id, analysis_id, region_code, framework_area_code, target_group, kinds, received_at)
      VALUES (${d.gapId}::uuid, ${d.analysisId}::uuid, ${d.regionCode}, ${d.frameworkAreaCode}, ${d.targetGroup},
              ${d.kinds}::text[], now())
      ON CONFLICT (gap_id) DO NOTHING`;
  }

  async advisoryFunction(tx: Tx, d: EventData<typeof FunctionApproved>): Promise<void> {
    await tx.$executeRaw`
      INSERT INTO funded_function (function_id, offer_id, operator_org_code, target_group, valid_from, valid_to)
      VALUES (${d.functionId}::uuid, ${d.offerId}::uuid, ${d.operatorOrgCode}, ${d.targetGroup}, ${d.validFrom}::date,
              ${d.validTo}::date)
      ON CONFLICT (function_id) DO UPDATE SET valid_to = EXCLUDED.valid_to`;
  }

  async responsibilityChanges(tx: Tx = this.db): Promise<ResponsibilityChange[]> {
    const rows = await tx.$queryRaw<
      { targetGroup: string; effectiveFrom: string; responsibility: Responsibility }[]
    >`
      SELECT target_group AS "targetGroup", to_char(effective_from, 'YYYY-MM-DD') AS "effectiveFrom", responsibility
      FROM responsibility_change ORDER BY effective_from`;
    return rows;
  }

  async offers(ids: readonly string[], tx: Tx = this.db): Promise<Map<string, OfferRow>> {
    if (ids.length === 0) return new Map();
    const rows = await tx.$queryRaw<OfferRow[]>`
      SELECT id, name, operator_org_type AS "operatorOrgType", operator_org_code AS "operatorOrgCode",
             municipality_code AS "municipalityCode"
      FROM offer WHERE id = ANY(${[...new Set(ids)]}::uuid[])`;
    return new Map(rows.map((r) => [r.id, r]));
  }

  async findOffer(id: string, tx: Tx = this.db): Promise<OfferRow | null> {
    return (await this.offers([id], tx)).get(id) ?? null;
  }

  /** Placements by referral id. */
  async placements(referralIds: readonly string[], tx: Tx = this.db): Promise<PlacementRow[]> {
    if (referralIds.length === 0) return [];
    const { rows } = await tx.query<PlacementRow>({
      text: `${PLACEMENT_SELECT} WHERE referral_id = ANY($1::uuid[]) ORDER BY referral_id`,
      values: [referralIds],
    });
    return rows;
  }

  /** Placements that overlap a year, optionally of one referring municipality, or at offers of one operator. */
  async placementsInYear(
    year: number,
    filter: { municipalityCode?: string; referralIds?: string[] },
    tx: Tx = this.db,
  ): Promise<PlacementRow[]> {
    const values: unknown[] = [`${year}-12-31`, `${year}-01-01`];
    let where = `WHERE start_date <= $1::date AND (end_date IS NULL OR end_date >= $2::date)`;
    if (filter.municipalityCode) where += ` AND municipality_code = $${values.push(filter.municipalityCode)}`;
    if (filter.referralIds) where += ` AND referral_id = ANY($${values.push(filter.referralIds)}::uuid[])`;
    const { rows } = await tx.query<PlacementRow>({
      text: `${PLACEMENT_SELECT} ${where} ORDER BY referral_id`,
      values,
    });
    return rows;
  }
}
