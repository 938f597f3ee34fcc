import { Injectable } from '@nestjs/common';
import { PgDatabase } from '@platform/persistence';
import type { Tx } from '../database/prisma.service';
import type { RiskCapitalKind } from './risk-capital.domain';

export interface ApplicationRow {
  id: string;
  regionCode: string;
  gapId: string;
  targetGroup: string;
  kind: RiskCapitalKind;
  amountOre: number;
  purpose: string;
  repaymentYears: number | null;
  firstRepaymentYear: number | null;
  status: 'SUBMITTED' | 'GRANTED' | 'REJECTED';
  decisionReason: string | null;
  repayments: { year: number; amountOre: number }[];
  revision: number;
  createdAt: Date;
  decidedAt: Date | null;
}

const SELECT = `
  SELECT a.id, a.region_code AS "regionCode", a.gap_id AS "gapId", g.target_group AS "targetGroup", a.kind,
         a.amount_ore::float8 AS "amountOre", a.purpose, a.repayment_years AS "repaymentYears",
         a.first_repayment_year AS "firstRepaymentYear", a.status, a.decision_reason AS "decisionReason",
         COALESCE((SELECT json_agg(json_build_object('year', a.first_repayment_year + i - 1, 'amountOre', r))
                   FROM unnest(a.repayments) WITH ORDINALITY AS u(r, i)), '[]') AS repayments,
         a.revision, a.created_at AS "createdAt", a.decided_at AS "decidedAt"
  FROM risk_capital_application a JOIN needs_gap g ON g.gap_id = a.gap_id`;

@Injectable()
export class RiskCapitalRepository {
  constructor(private readonly db: PgDatabase) {}

  async gap(gapId: string, tx: Tx = this.db): Promise<{ regionCode: string; targetGroup: string } | null> {
    const rows = await tx.$queryRaw<{ regionCode: string; targetGroup: string }[]>`
      SELECT region_code AS "regionCode", target_group AS "targetGroup" FROM needs_gap WHERE gap_id = ${gapId}::uuid`;
    return rows[0] ?? null;
  }

  async insert(
    tx: Tx,
    a: Pick<
      ApplicationRow,
      | 'id'
      | 'regionCode'
      | 'gapId'
      | 'kind'
      | 'amountOre'
      | 'purpose'
      | 'repaymentYears'
      | 'firstRepaymentYear'
    >,
  ): Promise<ApplicationRow> {
    await tx.$executeRaw`
      INSERT INTO risk_capital_application (id, region_code, gap_id, kind, amount_ore, purpose, repayment_years,
                                            first_repayment_year, status, repayments, revision, created_at)
      VALUES (${a.id}::uuid, ${a.regionCode}, ${a.gapId}::uuid, ${a.kind}, ${a.amountOre}, ${a.purpose},
              ${a.repaymentYears}, ${a.firstRepaymentYear}, 'SUBMITTED', '{}', 1, now())`;
    return (await this.find(a.id, tx)) as ApplicationRow;
  }

  async find(id: string, tx: Tx = this.db, lock = ''): Promise<ApplicationRow | null> {
    const { rows } = await tx.query<ApplicationRow>({
      text: `${SELECT} WHERE a.id = $1::uuid ${lock ? 'FOR UPDATE OF a' : ''}`,
      values: [id],
    });
    return rows[0] ?? null;
  }

  async list(regionCode?: string): Promise<ApplicationRow[]> {
    const { rows } = await this.db.query<ApplicationRow>({
      text: `${SELECT} ${regionCode ? 'WHERE a.region_code = $1' : ''} ORDER BY a.created_at DESC LIMIT 500`,
      values: regionCode ? [regionCode] : [],
    });
    return rows;
  }

  async decide(
    tx: Tx,
    id: string,
    status: string,
    reason: string | null,
    repayments: number[],
  ): Promise<ApplicationRow> {
    await tx.$executeRaw`
      UPDATE risk_capital_application SET status = ${status}, decision_reason = ${reason},
        repayments = ${repayments}::bigint[], decided_at = now(), revision = revision + 1
      WHERE id = ${id}::uuid`;
    return (await this.find(id, tx)) as ApplicationRow;
  }
}
