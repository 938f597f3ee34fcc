import { Injectable } from '@nestjs/common';
import { PgDatabase } from '@platform/persistence';
import type { Tx } from '../database/prisma.service';
import type { Settlement } from './domain/settlement';

export interface SettlementRow extends Settlement {
  id: string;
  municipalityCode: string;
  year: number;
  ruleSetId: string;
  basedOnClaimId: string | null;
  settledAt: Date;
}

const SELECT = `
  SELECT id, municipality_code AS "municipalityCode", year, rule_set_id AS "ruleSetId",
         based_on_claim_id AS "basedOnClaimId", lines, final_ore::float8 AS "finalOre", paid_ore::float8 AS "paidOre",
         settlement_ore::float8 AS "settlementOre", settled_at AS "settledAt"
  FROM refusion_settlement`;

/** Year-end settlements (restafregning): one per municipality and year. */
@Injectable()
export class SettlementRepository {
  constructor(private readonly db: PgDatabase) {}

  /** Whether the year is settled; takes the year's lock first, so two commands settle it once. */
  async taken(tx: Tx, municipalityCode: string, year: number): Promise<boolean> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`settlement:${municipalityCode}`}), ${year})`;
    const rows = await tx.$queryRaw<unknown[]>`
      SELECT 1 FROM refusion_settlement WHERE municipality_code = ${municipalityCode} AND year = ${year}`;
    return rows.length > 0;
  }

  async insert(
    tx: Tx,
    s: Omit<SettlementRow, 'settledAt'> & { settledBy: string; settledAt: Date },
  ): Promise<void> {
    await tx.$executeRaw`
      INSERT INTO refusion_settlement (id, municipality_code, year, rule_set_id, based_on_claim_id, lines, final_ore,
                                       paid_ore, settlement_ore, settled_by, settled_at)
      VALUES (${s.id}::uuid, ${s.municipalityCode}, ${s.year}, ${s.ruleSetId}::uuid, ${s.basedOnClaimId}::uuid,
              ${s.lines}, ${s.finalOre}, ${s.paidOre}, ${s.settlementOre}, ${s.settledBy}, ${s.settledAt})`;
  }

  async find(id: string, tx: Tx = this.db): Promise<SettlementRow | null> {
    const { rows } = await tx.query<SettlementRow>({ text: `${SELECT} WHERE id = $1::uuid`, values: [id] });
    return rows[0] ?? null;
  }

  async list(filter: { municipalityCode?: string; year?: number }): Promise<SettlementRow[]> {
    const where: string[] = [];
    const values: unknown[] = [];
    if (filter.municipalityCode) where.push(`municipality_code = $${values.push(filter.municipalityCode)}`);
    if (filter.year) where.push(`year = $${values.push(filter.year)}`);
    const { rows } = await this.db.query<SettlementRow>({
      text: `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY year DESC, municipality_code LIMIT 500`,
      values,
    });
    return rows;
  }
}
