import { Injectable } from '@nestjs/common';
import type { EventData, ResponsibilityChanged } from '@platform/contracts';
import type { ResponsibilityChange } from '@platform/domain';
import { PgDatabase } from '@platform/persistence';
import type { Tx } from '../database/prisma.service';

/** The local read model of target-group responsibility (rule 2), from planning.plan.v1; SQL on the pg transaction. */
@Injectable()
export class ResponsibilityRepository {
  constructor(private readonly db: PgDatabase) {}

  async upsert(tx: Tx, change: EventData<typeof ResponsibilityChanged>): Promise<void> {
    await tx.$executeRaw`
      INSERT INTO responsibility_change (target_group, effective_from, responsibility)
      VALUES (${change.targetGroup}, ${change.effectiveFrom}::date, ${change.responsibility})
      ON CONFLICT (target_group, effective_from) DO UPDATE SET responsibility = EXCLUDED.responsibility`;
  }

  async changesFor(targetGroup: string, tx: Tx = this.db): Promise<ResponsibilityChange[]> {
    return tx.$queryRaw<ResponsibilityChange[]>`
      SELECT target_group AS "targetGroup", responsibility, to_char(effective_from, 'YYYY-MM-DD') AS "effectiveFrom"
      FROM responsibility_change WHERE target_group = ${targetGroup} ORDER BY effective_from`;
  }
}
