import { Injectable } from '@nestjs/common';
import type { Principal } from '@platform/auth';
import { MonthlyCostTotals } from '@platform/contracts';
import { CommandRunner } from '@platform/kit';
import { event } from '@platform/messaging';
import { CostLineRepository } from '../cost/cost-line.repository';
import type { Tx } from '../database/prisma.service';
import { changedTotals, costTotals, type CostTotal } from './report.domain';

/**
 * A month's cost totals per payer on the funding stream (cost.monthly-totals.v1): each payer's totals once, and
 * again only when they changed since (a late fact corrected the month). What was published is kept in
 * published_cost_total, written with the outbox rows in one transaction under a lock per month, so two
 * instances, a restart or the state's command and the job at once never publish the same totals twice.
 */
@Injectable()
export class MonthlyTotalsPublisher {
  constructor(
    private readonly runner: CommandRunner,
    private readonly lines: CostLineRepository,
  ) {}

  /** Publishes what is new or changed of a month (YYYY-MM); the totals published now. */
  publish(principal: Principal, month: string, requestId?: string): Promise<CostTotal[]> {
    return this.runner.record<CostTotal[], Tx>({
      principal,
      requestId,
      action: 'cost-totals.publish',
      purpose: 'financing',
      write: async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('cost-totals'), ${Number(month.replace('-', ''))})`;
        const totals = costTotals(await this.lines.find({ from: month, to: month }, tx));
        const { rows: published } = await tx.query<CostTotal>({
          text: `SELECT month, payer_type AS "payerType", payer_code AS "payerCode", placements, days,
                        amount_ore::float8 AS "amountOre", knowledge_overhead_ore::float8 AS "knowledgeOverheadOre"
                 FROM published_cost_total WHERE month = $1`,
          values: [month],
        });
        const changed = changedTotals(totals, published);
        if (changed.length)
          await tx.query({
            text: `INSERT INTO published_cost_total (month, payer_type, payer_code, placements, days, amount_ore,
                     knowledge_overhead_ore, published_at)
                   SELECT t.month, t."payerType", t."payerCode", t.placements, t.days, t."amountOre",
                          t."knowledgeOverheadOre", now()
                   FROM jsonb_to_recordset($1::jsonb) AS t(month text, "payerType" text, "payerCode" text,
                          placements int, days int, "amountOre" bigint, "knowledgeOverheadOre" bigint)
                   ON CONFLICT (month, payer_type, payer_code) DO UPDATE SET placements = EXCLUDED.placements,
                     days = EXCLUDED.days, amount_ore = EXCLUDED.amount_ore,
                     knowledge_overhead_ore = EXCLUDED.knowledge_overhead_ore, published_at = now()`,
            values: [JSON.stringify(changed)],
          });
        return {
          saved: changed,
          resource: { type: 'cost-month', id: month },
          events: changed.map((t) => event(MonthlyCostTotals, t, `${t.payerType}-${t.payerCode}-${month}`)),
        };
      },
    });
  }
}
