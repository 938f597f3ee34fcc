import { Injectable } from '@nestjs/common';
import { PgDatabase } from '@platform/persistence';
import type { Tx } from '../database/prisma.service';
import type { AdviceDeadlineRule } from '../generated/prisma/client';
import type { DeadlineRule } from './domain/deadline';

/** The deadline rule set (advice_deadline_rule): working days per target group, `*` the default. */
@Injectable()
export class DeadlineRuleRepository {
  constructor(private readonly db: PgDatabase) {}

  async all(tx: Tx = this.db): Promise<AdviceDeadlineRule[]> {
    return tx.$queryRaw<AdviceDeadlineRule[]>`
      SELECT target_group AS "targetGroup", working_days AS "workingDays", updated_by AS "updatedBy",
             updated_at AS "updatedAt"
      FROM advice_deadline_rule ORDER BY target_group`;
  }

  /** The rules that decide a target group's deadline: its own row and the default. */
  async rulesFor(targetGroup: string, tx: Tx = this.db): Promise<DeadlineRule[]> {
    return tx.$queryRaw<DeadlineRule[]>`
      SELECT target_group AS "targetGroup", working_days AS "workingDays" FROM advice_deadline_rule
      WHERE target_group IN (${targetGroup}, '*')`;
  }

  async set(tx: Tx, targetGroup: string, workingDays: number, by: string): Promise<AdviceDeadlineRule> {
    const [row] = await tx.$queryRaw<AdviceDeadlineRule[]>`
      INSERT INTO advice_deadline_rule (target_group, working_days, updated_by, updated_at)
      VALUES (${targetGroup}, ${workingDays}, ${by}, now())
      ON CONFLICT (target_group) DO UPDATE SET working_days = EXCLUDED.working_days,
        updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
      RETURNING target_group AS "targetGroup", working_days AS "workingDays", updated_by AS "updatedBy",
                updated_at AS "updatedAt"`;
    return row;
  }
}
