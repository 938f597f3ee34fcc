import { Injectable } from '@nestjs/common';
import type { IsoDate, Responsibility } from '@platform/domain';
import { PgDatabase, SqlTable } from '@platform/persistence';
import type { Tx } from '../database/prisma.service';
import type { ResponsibilityChange as ResponsibilityChangeRow } from '../generated/prisma/client';
import type { DecidedSince } from './domain/retroactivity';
import type { RecordedChange } from './domain/responsibility-timeline';

export type { ResponsibilityChangeRow };

const table = new SqlTable<ResponsibilityChangeRow>('responsibility_change', {
  id: 'id',
  targetGroup: 'target_group',
  responsibility: 'responsibility',
  effectiveFrom: 'effective_from',
  recordedAt: 'recorded_at',
});

/** Statuses of a referral whose decision no longer stands: it holds no placement to protect. */
const UNDONE = ['WITHDRAWN'];

/** The responsibility timeline (responsibility_change), append-only; SQL on the request's pg transaction. */
@Injectable()
export class ResponsibilityRepository {
  constructor(private readonly db: PgDatabase) {}

  async insert(tx: Tx, row: ResponsibilityChangeRow): Promise<ResponsibilityChangeRow> {
    const { rows } = await tx.query<ResponsibilityChangeRow>(table.insert(row));
    return rows[0];
  }

  /** Every change, of one target group or all, in the order recorded (what responsibilityOn needs). */
  async changes(targetGroup?: string, tx: Tx = this.db): Promise<RecordedChange[]> {
    const rows = await tx.$queryRaw<(RecordedChange & { responsibility: Responsibility })[]>`
      SELECT target_group AS "targetGroup", responsibility,
             to_char(effective_from, 'YYYY-MM-DD') AS "effectiveFrom", recorded_at AS "recordedAt"
      FROM responsibility_change
      WHERE ${targetGroup ?? null}::text IS NULL OR target_group = ${targetGroup ?? null}
      ORDER BY recorded_at, id`;
    return rows;
  }

  /**
   * Referrals of the target group decided or placed on or after a date, from the activity read model (the
   * referral events this service consumes): what a change dated back must not reach (rule 2).
   */
  async decidedSince(tx: Tx, targetGroup: string, from: IsoDate): Promise<DecidedSince> {
    const [row] = await tx.$queryRaw<DecidedSince[]>`
      SELECT count(*)::int AS count,
             to_char(max(greatest(decided_on, placement_start)), 'YYYY-MM-DD') AS latest
      FROM referral_activity
      WHERE target_group = ${targetGroup} AND status <> ALL(${UNDONE}::text[])
        AND (decided_on >= ${from}::date OR placement_start >= ${from}::date)`;
    return row;
  }
}
