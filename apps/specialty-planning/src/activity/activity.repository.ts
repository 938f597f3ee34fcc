import { Injectable } from '@nestjs/common';
import type {
  AdviceGiven,
  EventData,
  PlacementEnded,
  PlacementStarted,
  ReferralAdviceReceived,
  ReferralCreated,
  ReferralDecided,
  ReferralRejected,
} from '@platform/contracts';
import { todayInDenmark } from '@platform/domain';
import { PgDatabase } from '@platform/persistence';
import type { Tx } from '../database/prisma.service';
import type { TargetGroupDemand } from '../needs/domain/gap-rules';

/** Statuses in which a referral holds a place in its offer (belægning), as the referrals service counts them. */
export const OCCUPYING_STATUSES = ['ACCEPTED', 'PLACEMENT_ACTIVE'] as const;
/** Statuses of a referral still waiting for a place: referred, not yet placed, not given up. */
export const WAITING_STATUSES = ['CREATED', 'SUBMITTED', 'DECIDED', 'SENT', 'ACCEPTED', 'REJECTED'] as const;

export type ActivityStatus =
  | 'CREATED'
  | 'SUBMITTED'
  | 'DECIDED'
  | 'SENT'
  | 'ACCEPTED'
  | 'PLACEMENT_ACTIVE'
  | 'PLACEMENT_ENDED'
  | 'REJECTED'
  | 'WITHDRAWN';

interface ReferralRef {
  referralId: string;
  municipalityCode: string;
}

/**
 * The activity read model (referral_activity, referral_rejection): writes from the consumer, each idempotent on
 * the referral (an event applied twice sets the same state), and the counts the capabilities read.
 */
@Injectable()
export class ActivityRepository {
  constructor(private readonly db: PgDatabase) {}

  async created(tx: Tx, e: EventData<typeof ReferralCreated>): Promise<void> {
    await tx.$executeRaw`
      INSERT INTO referral_activity (referral_id, municipality_code, citizen_pseudonym, target_group, assessed_level,
                                     referral_date, status, updated_at)
      VALUES (${e.referralId}::uuid, ${e.municipalityCode}, ${e.citizenPseudonym}, ${e.targetGroup},
              ${e.assessedLevel}, ${e.referralDate}::date, 'CREATED', now())
      ON CONFLICT (referral_id) DO UPDATE SET citizen_pseudonym = EXCLUDED.citizen_pseudonym,
        target_group = EXCLUDED.target_group, assessed_level = EXCLUDED.assessed_level,
        referral_date = EXCLUDED.referral_date, updated_at = now()`;
  }

  /** Sets the status (and the offer, when the event names one), creating the row if its created event is missing. */
  async setStatus(
    tx: Tx,
    ref: ReferralRef,
    status: ActivityStatus,
    offerId: string | null = null,
  ): Promise<void> {
    await tx.$executeRaw`
      INSERT INTO referral_activity (referral_id, municipality_code, status, offer_id, updated_at)
      VALUES (${ref.referralId}::uuid, ${ref.municipalityCode}, ${status}, ${offerId}::uuid, now())
      ON CONFLICT (referral_id) DO UPDATE SET status = EXCLUDED.status,
        offer_id = COALESCE(EXCLUDED.offer_id, referral_activity.offer_id), updated_at = now()`;
  }

  async decided(tx: Tx, e: EventData<typeof ReferralDecided>): Promise<void> {
    const lower = e.deviationReasons.includes('LOWER_LEVEL');
    await tx.$executeRaw`
      INSERT INTO referral_activity (referral_id, municipality_code, citizen_pseudonym, target_group, status, offer_id,
                                     decided_level, decided_on, deviation, deviation_to_lower_level, updated_at)
      VALUES (${e.referralId}::uuid, ${e.municipalityCode}, ${e.citizenPseudonym}, ${e.targetGroup}, 'DECIDED',
              ${e.offerId}::uuid, ${e.level}, ${todayInDenmark()}::date, ${e.deviation}, ${lower}, now())
      ON CONFLICT (referral_id) DO UPDATE SET status = 'DECIDED', offer_id = EXCLUDED.offer_id,
        target_group = COALESCE(referral_activity.target_group, EXCLUDED.target_group),
        decided_level = EXCLUDED.decided_level, decided_on = EXCLUDED.decided_on, deviation = EXCLUDED.deviation,
        deviation_to_lower_level = EXCLUDED.deviation_to_lower_level, updated_at = now()`;
  }

  /** Advice that reached an urgent decision afterwards can turn it into a deviation (rule 4). */
  async lateDeviation(tx: Tx, e: EventData<typeof ReferralAdviceReceived>): Promise<void> {
    if (e.deviation === undefined) return;
    const lower = (e.deviationReasons ?? []).includes('LOWER_LEVEL');
    await tx.$executeRaw`
      UPDATE referral_activity SET deviation = ${e.deviation}, deviation_to_lower_level = ${lower}, updated_at = now()
      WHERE referral_id = ${e.referralId}::uuid`;
  }

  async rejected(
    tx: Tx,
    eventId: string,
    e: EventData<typeof ReferralRejected>,
    time: string,
  ): Promise<void> {
    await this.setStatus(tx, e, 'REJECTED', e.offerId);
    await tx.$executeRaw`
      INSERT INTO referral_rejection (event_id, referral_id, offer_id, municipality_code, target_group, reason,
                                      rejected_on)
      VALUES (${eventId}, ${e.referralId}::uuid, ${e.offerId}::uuid, ${e.municipalityCode}, ${e.targetGroup},
              ${e.reason}, ${todayInDenmark(new Date(time))}::date)
      ON CONFLICT (event_id) DO NOTHING`;
  }

  async placementStarted(tx: Tx, e: EventData<typeof PlacementStarted>): Promise<void> {
    await tx.$executeRaw`
      INSERT INTO referral_activity (referral_id, municipality_code, citizen_pseudonym, target_group, status, offer_id,
                                     decided_level, placement_start, updated_at)
      VALUES (${e.referralId}::uuid, ${e.municipalityCode}, ${e.citizenPseudonym}, ${e.targetGroup},
              'PLACEMENT_ACTIVE', ${e.offerId}::uuid, ${e.level}, ${e.startDate}::date, now())
      ON CONFLICT (referral_id) DO UPDATE SET status = 'PLACEMENT_ACTIVE', offer_id = EXCLUDED.offer_id,
        citizen_pseudonym = EXCLUDED.citizen_pseudonym, placement_start = EXCLUDED.placement_start, updated_at = now()`;
  }

  async placementEnded(tx: Tx, e: EventData<typeof PlacementEnded>): Promise<void> {
    await this.setStatus(tx, e, 'PLACEMENT_ENDED', e.offerId);
    await tx.$executeRaw`
      UPDATE referral_activity SET placement_end = ${e.endDate}::date WHERE referral_id = ${e.referralId}::uuid`;
  }

  async adviceGiven(tx: Tx, e: EventData<typeof AdviceGiven>): Promise<void> {
    await tx.$executeRaw`
      INSERT INTO referral_activity (referral_id, municipality_code, status, advisor_org_code, advice_given_on,
                                     updated_at)
      VALUES (${e.referralId}::uuid, ${e.municipalityCode}, 'SUBMITTED', ${e.advisorOrgCode},
              ${todayInDenmark(new Date(e.givenAt))}::date, now())
      ON CONFLICT (referral_id) DO UPDATE SET advisor_org_code = EXCLUDED.advisor_org_code,
        advice_given_on = EXCLUDED.advice_given_on, updated_at = now()`;
  }

  /** The offer the referral is decided on, sent to or placed in; null when none (or the referral is unknown). */
  async offerOf(tx: Tx, referralId: string): Promise<string | null> {
    const rows = await tx.$queryRaw<{ offerId: string | null }[]>`
      SELECT offer_id AS "offerId" FROM referral_activity WHERE referral_id = ${referralId}::uuid`;
    return rows[0]?.offerId ?? null;
  }

  /** Belægning per offer: referrals accepted or in placement there. Offers without any are absent (0). */
  async occupancy(offerIds: readonly string[], tx: Tx = this.db): Promise<Map<string, number>> {
    if (offerIds.length === 0) return new Map();
    const rows = await tx.$queryRaw<{ offerId: string; occupied: number }[]>`
      SELECT offer_id AS "offerId", count(*)::int AS occupied FROM referral_activity
      WHERE offer_id = ANY(${offerIds}::uuid[]) AND status = ANY(${OCCUPYING_STATUSES}::text[])
      GROUP BY offer_id`;
    return new Map(rows.map((r) => [r.offerId, r.occupied]));
  }

  /** Citizens whose placement at the offer started in the year (a special function's volume). */
  async placementsStarted(offerId: string, year: number, tx: Tx = this.db): Promise<number> {
    const [{ count }] = await tx.$queryRaw<{ count: number }[]>`
      SELECT count(DISTINCT coalesce(citizen_pseudonym, referral_id::text))::int AS count FROM referral_activity
      WHERE offer_id = ${offerId}::uuid AND placement_start >= make_date(${year}, 1, 1)
        AND placement_start < make_date(${year + 1}, 1, 1)`;
    return count;
  }

  /** Referrals of a target group that an organisation's advisory function gave advice on in the year. */
  async adviceCount(
    advisorOrgCode: string,
    targetGroup: string,
    year: number,
    tx: Tx = this.db,
  ): Promise<number> {
    const [{ count }] = await tx.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM referral_activity
      WHERE advisor_org_code = ${advisorOrgCode} AND target_group = ${targetGroup}
        AND advice_given_on >= make_date(${year}, 1, 1) AND advice_given_on < make_date(${year + 1}, 1, 1)`;
    return count;
  }

  /** Demand per target group from the given municipalities in [from, to]: what a needs analysis compares. */
  async demand(
    municipalityCodes: readonly string[],
    from: string,
    to: string,
    tx: Tx = this.db,
  ): Promise<Demand[]> {
    return tx.$queryRaw<Demand[]>`
      WITH referred AS (
        SELECT target_group,
               count(*) FILTER (WHERE referral_date BETWEEN ${from}::date AND ${to}::date)::int AS referrals,
               count(*) FILTER (WHERE status = ANY(${WAITING_STATUSES}::text[])
                                  AND referral_date <= ${to}::date)::int AS waiting,
               count(*) FILTER (WHERE deviation_to_lower_level
                                  AND decided_on BETWEEN ${from}::date AND ${to}::date)::int AS "deviationsToLowerLevel",
               round(avg(placement_start - referral_date) FILTER (
                 WHERE placement_start BETWEEN ${from}::date AND ${to}::date))::int AS "averageDaysToPlacement"
        FROM referral_activity
        WHERE municipality_code = ANY(${municipalityCodes}::text[]) AND target_group IS NOT NULL
        GROUP BY target_group),
      rejected AS (
        SELECT target_group, count(*)::int AS "capacityRejections" FROM referral_rejection
        WHERE municipality_code = ANY(${municipalityCodes}::text[]) AND reason = 'NO_CAPACITY'
          AND rejected_on BETWEEN ${from}::date AND ${to}::date
        GROUP BY target_group)
      SELECT coalesce(r.target_group, j.target_group) AS "targetGroup", coalesce(r.referrals, 0) AS referrals,
             coalesce(r.waiting, 0) AS waiting, coalesce(r."deviationsToLowerLevel", 0) AS "deviationsToLowerLevel",
             r."averageDaysToPlacement", coalesce(j."capacityRejections", 0) AS "capacityRejections"
      FROM referred r FULL JOIN rejected j ON j.target_group = r.target_group
      ORDER BY 1`;
  }
}

/** Demand of one target group in a needs analysis's area and period: what the gap rules compare. */
export type Demand = TargetGroupDemand;
