import { Injectable } from '@nestjs/common';
import { todayInDenmark, type IsoDate } from '@platform/domain';
import { PgDatabase } from '@platform/persistence';
import type { Tx } from '../database/prisma.service';
import { OCCUPYING_STATUSES } from './activity.repository';

/** An offer's occupied places and places at the end of one Danish day. */
export interface OccupancyDay {
  day: IsoDate;
  occupied: number;
  places: number;
}

/**
 * Occupancy over time (offer_occupancy_day): after anything that may change an offer's occupancy or places, the
 * offer's counts as they now stand are written for today, in the same transaction, so history and the directory
 * never disagree. A redelivered event writes the same counts again (the write is idempotent per day).
 */
@Injectable()
export class OccupancyHistory {
  constructor(private readonly db: PgDatabase) {}

  /** Records today's occupancy of the offers (nulls and unknown offers are skipped). */
  async record(tx: Tx, offerIds: readonly (string | null | undefined)[]): Promise<void> {
    const ids = [...new Set(offerIds.filter((id): id is string => !!id))];
    if (ids.length === 0) return;
    // Two referrals of one offer changing at once would each count without the other's change and the later
    // commit would keep a count one short: a transaction lock per offer (in id order: no deadlock) makes the
    // second count, a statement of its own, see the first's commit.
    await tx.$executeRaw`
      SELECT pg_advisory_xact_lock(hashtext('offer-occupancy:' || id)) FROM unnest(${ids.sort()}::text[]) AS id`;
    await tx.$executeRaw`
      INSERT INTO offer_occupancy_day (offer_id, day, occupied, places, updated_at)
      SELECT o.id, ${todayInDenmark()}::date,
             (SELECT count(*) FROM referral_activity a
              WHERE a.offer_id = o.id AND a.status = ANY(${OCCUPYING_STATUSES}::text[]))::int,
             o.places, now()
      FROM offer o WHERE o.id = ANY(${ids}::uuid[])
      ON CONFLICT (offer_id, day) DO UPDATE SET occupied = EXCLUDED.occupied, places = EXCLUDED.places,
        updated_at = now()`;
  }

  /**
   * The recorded days of the offer in [from, to], preceded by the latest day before `from` (the value `from`
   * starts with); the caller fills the days between.
   */
  async between(offerId: string, from: IsoDate, to: IsoDate, tx: Tx = this.db): Promise<OccupancyDay[]> {
    return tx.$queryRaw<OccupancyDay[]>`
      (SELECT to_char(day, 'YYYY-MM-DD') AS day, occupied, places FROM offer_occupancy_day
       WHERE offer_id = ${offerId}::uuid AND day < ${from}::date ORDER BY day DESC LIMIT 1)
      UNION ALL
      (SELECT to_char(day, 'YYYY-MM-DD') AS day, occupied, places FROM offer_occupancy_day
       WHERE offer_id = ${offerId}::uuid AND day BETWEEN ${from}::date AND ${to}::date)
      ORDER BY day`;
  }
}
