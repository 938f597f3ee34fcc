import { Injectable } from '@nestjs/common';
import { PgDatabase } from '@platform/persistence';
import type { RateFacts, RateUnit } from '../cost/domain/accrual';
import type { Tx } from '../database/prisma.service';

export interface RateRow extends RateFacts {
  offerId: string;
  year: number;
  revision: number;
  setByOrgCode: string;
  updatedAt: Date;
}

const SELECT = `
  SELECT offer_id AS "offerId", year, unit, amount_ore::float8 AS "amountOre",
         knowledge_overhead_ore::float8 AS "knowledgeOverheadOre", revision, set_by_org_code AS "setByOrgCode",
         updated_at AS "updatedAt"
  FROM rate`;

@Injectable()
export class RateRepository {
  constructor(private readonly db: PgDatabase) {}

  /** Sets the year's rate, bumping its revision. */
  async set(
    tx: Tx,
    r: {
      offerId: string;
      year: number;
      unit: RateUnit;
      amountOre: number;
      knowledgeOverheadOre: number;
      setByOrgCode: string;
    },
  ): Promise<RateRow> {
    await tx.$executeRaw`
      INSERT INTO rate (offer_id, year, unit, amount_ore, knowledge_overhead_ore, revision, set_by_org_code, updated_at)
      VALUES (${r.offerId}::uuid, ${r.year}, ${r.unit}, ${r.amountOre}, ${r.knowledgeOverheadOre}, 1, ${r.setByOrgCode}, now())
      ON CONFLICT (offer_id, year) DO UPDATE SET unit = EXCLUDED.unit, amount_ore = EXCLUDED.amount_ore,
        knowledge_overhead_ore = EXCLUDED.knowledge_overhead_ore, revision = rate.revision + 1,
        set_by_org_code = EXCLUDED.set_by_org_code, updated_at = now()`;
    return (await this.forOffer(r.offerId, tx)).find((x) => x.year === r.year) as RateRow;
  }

  async forOffer(offerId: string, tx: Tx = this.db): Promise<RateRow[]> {
    const { rows } = await tx.query<RateRow>({
      text: `${SELECT} WHERE offer_id = $1::uuid ORDER BY year`,
      values: [offerId],
    });
    return rows;
  }

  /** Rates of many offers for a year: offerId → rate. */
  async forYear(year: number, offerIds: readonly string[], tx: Tx = this.db): Promise<Map<string, RateRow>> {
    if (offerIds.length === 0) return new Map();
    const { rows } = await tx.query<RateRow>({
      text: `${SELECT} WHERE year = $1 AND offer_id = ANY($2::uuid[])`,
      values: [year, [...new Set(offerIds)]],
    });
    return new Map(rows.map((r) => [r.offerId, r]));
  }

  /** Every year's rate of many offers: offerId → year → rate (what the cost ledger accrues with). */
  async byOffer(offerIds: readonly string[], tx: Tx = this.db): Promise<Map<string, Map<number, RateRow>>> {
    const rates = new Map<string, Map<number, RateRow>>();
    if (offerIds.length === 0) return rates;
    const { rows } = await tx.query<RateRow>({
      text: `${SELECT} WHERE offer_id = ANY($1::uuid[])`,
      values: [[...new Set(offerIds)]],
    });
    for (const r of rows) rates.set(r.offerId, (rates.get(r.offerId) ?? new Map()).set(r.year, r));
    return rates;
  }
}
