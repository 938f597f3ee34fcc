import { Inject, Injectable } from '@nestjs/common';
import { todayInDenmark } from '@platform/domain';
import { IntervalJob, UnitOfWork } from '@platform/kit';
import type { Tx } from '../database/prisma.service';
import { CostLedger } from './cost-ledger.service';
import { FINANCING_CONFIG, type FinancingConfig } from '../config/financing.config';

export interface AccrualRun {
  month: string;
  placements: number;
  months: number;
}

/**
 * The monthly accrual (COST_ACCRUAL_SCAN_MS, hourly by default): once a month has begun, its lines are accrued
 * for every placement that runs in it, whatever facts arrived before, so the month's ledger is complete with
 * today's rules (a geography or a release that changed them included). Done once per month: the month is
 * recorded in cost_accrual_run in the same transaction; instances that run at once split the placements (SKIP
 * LOCKED) and the month is recorded by whichever commits. The first run ever re-accrues every placement, which
 * fills the ledger with what was placed before it existed.
 */
@Injectable()
export class CostAccrualScheduler extends IntervalJob {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly ledger: CostLedger,
    @Inject(FINANCING_CONFIG) config: FinancingConfig,
  ) {
    super({
      name: 'CostAccrualScheduler',
      what: 'monthly accrual',
      everyMs: config.COST_ACCRUAL_SCAN_MS,
    });
  }

  protected tick(): Promise<AccrualRun | null> {
    return this.run();
  }

  /** One run now: the month of `today` (Danish time), or nothing when it was accrued already. */
  run(today: string = todayInDenmark()): Promise<AccrualRun | null> {
    const month = today.slice(0, 7);
    return this.uow.run(async (tx: Tx) => {
      const runs = await tx.$queryRaw<{ month: string }[]>`SELECT month FROM cost_accrual_run`;
      if (runs.some((r) => r.month === month)) return null;
      const { placements, months } =
        runs.length === 0
          ? await this.ledger.reaccrue(tx, { all: true }, {}, { skipLocked: true })
          : await this.ledger.reaccrue(
              tx,
              { runningIn: month },
              { from: month, to: month },
              { skipLocked: true },
            );
      await tx.$executeRaw`
        INSERT INTO cost_accrual_run (month, placements, completed_at) VALUES (${month}, ${placements}, now())
        ON CONFLICT (month) DO NOTHING`;
      return { month, placements, months };
    });
  }
}
