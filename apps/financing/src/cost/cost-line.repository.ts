import { Injectable } from '@nestjs/common';
import { PgDatabase } from '@platform/persistence';
import type { Tx } from '../database/prisma.service';
import type { MonthReplacement, StoredCostLine } from './domain/ledger';

/** What the reads filter the stored lines by (each backed by an index of cost_line). */
export interface CostLineFilter {
  /** YYYY-MM, both included. */
  from: string;
  to: string;
  municipalityCode?: string;
  payer?: { type: 'municipality' | 'region'; code: string };
  referralIds?: readonly string[];
  citizenPseudonym?: string;
  offerIds?: readonly string[];
}

export const COST_LINE_SELECT = `
  SELECT referral_id AS "referralId", municipality_code AS "municipalityCode", citizen_pseudonym AS "citizenPseudonym",
         offer_id AS "offerId", target_group AS "targetGroup", month,
         to_char(first_day, 'YYYY-MM-DD') AS "firstDay", to_char(last_day, 'YYYY-MM-DD') AS "lastDay", days,
         responsibility, json_build_object('type', payer_type, 'code', payer_code) AS payer, unit,
         rate_ore::float8 AS "rateOre", amount_ore::float8 AS "amountOre",
         knowledge_overhead_ore::float8 AS "knowledgeOverheadOre", version,
         correlation_id AS "correlationId"
  FROM cost_line`;

/** The WHERE clause and its values for a filter (parameters only, never text from the caller). */
export function costLineWhere(f: CostLineFilter): { where: string; values: unknown[] } {
  const values: unknown[] = [f.from, f.to];
  const where = ['month BETWEEN $1 AND $2'];
  if (f.municipalityCode) where.push(`municipality_code = $${values.push(f.municipalityCode)}`);
  if (f.payer)
    where.push(`payer_type = $${values.push(f.payer.type)} AND payer_code = $${values.push(f.payer.code)}`);
  if (f.referralIds) where.push(`referral_id = ANY($${values.push(f.referralIds)}::uuid[])`);
  if (f.citizenPseudonym) where.push(`citizen_pseudonym = $${values.push(f.citizenPseudonym)}`);
  if (f.offerIds) where.push(`offer_id = ANY($${values.push(f.offerIds)}::uuid[])`);
  return { where: `WHERE ${where.join(' AND ')}`, values };
}

/** The stored cost lines (udgiftslinjer): written by the ledger only, read by every report and claim. */
@Injectable()
export class CostLineRepository {
  constructor(private readonly db: PgDatabase) {}

  async find(filter: CostLineFilter, tx: Tx = this.db): Promise<StoredCostLine[]> {
    const { where, values } = costLineWhere(filter);
    const { rows } = await tx.query<StoredCostLine>({
      text: `${COST_LINE_SELECT} ${where} ORDER BY month, referral_id, payer_type, payer_code`,
      values,
    });
    return rows;
  }

  /** A municipality's own cost per referral and month (index 0 = January): what its refusion claim is built on. */
  async municipalCostByMonth(
    municipalityCode: string,
    year: number,
    throughMonth: number,
    tx: Tx = this.db,
  ): Promise<Map<string, number[]>> {
    const { rows } = await tx.query<{ referralId: string; month: number; amountOre: number }>({
      text: `SELECT referral_id AS "referralId", substr(month, 6, 2)::int AS month, sum(amount_ore)::float8 AS "amountOre"
             FROM cost_line
             WHERE payer_type = 'municipality' AND payer_code = $1 AND month BETWEEN $2 AND $3
             GROUP BY referral_id, month`,
      values: [municipalityCode, `${year}-01`, `${year}-${String(throughMonth).padStart(2, '0')}`],
    });
    const costs = new Map<string, number[]>();
    for (const r of rows) {
      const months = costs.get(r.referralId) ?? new Array<number>(12).fill(0);
      months[r.month - 1] = r.amountOre;
      costs.set(r.referralId, months);
    }
    return costs;
  }

  /**
   * Replaces the planned months: their old lines go, their new lines come with the month's next version and the
   * case's correlation id.
   */
  async replace(tx: Tx, replacements: readonly MonthReplacement[]): Promise<void> {
    if (replacements.length === 0) return;
    await tx.query({
      text: `DELETE FROM cost_line c USING jsonb_to_recordset($1::jsonb) AS r(referral_id uuid, month text)
             WHERE c.referral_id = r.referral_id AND c.month = r.month`,
      values: [JSON.stringify(replacements.map((r) => ({ referral_id: r.referralId, month: r.month })))],
    });
    const rows = replacements.flatMap((r) => r.lines.map((l) => ({ ...l, version: r.version })));
    if (rows.length === 0) return;
    await tx.query({
      text: `INSERT INTO cost_line (referral_id, month, payer_type, payer_code, municipality_code, citizen_pseudonym,
               offer_id, target_group, first_day, last_day, days, responsibility, unit, rate_ore, amount_ore,
               knowledge_overhead_ore, version, accrued_at, correlation_id)
             SELECT l."referralId", l.month, l.payer->>'type', l.payer->>'code', l."municipalityCode",
                    l."citizenPseudonym", l."offerId", l."targetGroup", l."firstDay", l."lastDay", l.days,
                    l.responsibility, l.unit, l."rateOre", l."amountOre", l."knowledgeOverheadOre", l.version, now(),
                    l."correlationId"
             FROM jsonb_to_recordset($1::jsonb) AS l("referralId" uuid, month text, payer jsonb, "municipalityCode" text,
                    "citizenPseudonym" text, "offerId" uuid, "targetGroup" text, "firstDay" date, "lastDay" date,
                    days int, responsibility text, unit text, "rateOre" bigint, "amountOre" bigint,
                    "knowledgeOverheadOre" bigint, version int, "correlationId" text)`,
      values: [JSON.stringify(rows)],
    });
  }
}
