import { Injectable } from '@nestjs/common';
import { PgDatabase } from '@platform/persistence';
import type { Tx } from '../database/prisma.service';
import type { CoFinancingBand } from '../funding/domain/co-financing';
import type { AdviceCondition } from '../refusion/domain/advice-condition';
import type { Band } from '../refusion/domain/bands';

export interface RuleSetRow {
  id: string;
  year: number;
  version: number;
  name: string;
  status: 'DRAFT' | 'IN_FORCE';
  effectiveFrom: string;
  legalBasis: string;
  bands: Band[];
  adviceCondition: AdviceCondition;
  coFinancing: CoFinancingBand[];
  knowledgeOverheadBp: number;
  adviceDeadlineWorkingDays: number;
  createdAt: Date;
  inForceAt: Date | null;
}

const SELECT = `
  SELECT id, year, version, name, status, to_char(effective_from, 'YYYY-MM-DD') AS "effectiveFrom",
         legal_basis AS "legalBasis", bands, advice_condition AS "adviceCondition", co_financing AS "coFinancing",
         knowledge_overhead_bp AS "knowledgeOverheadBp", advice_deadline_working_days AS "adviceDeadlineWorkingDays",
         created_at AS "createdAt", in_force_at AS "inForceAt"
  FROM rule_set`;

@Injectable()
export class RuleSetRepository {
  constructor(private readonly db: PgDatabase) {}

  /** A new version of the year's rule sets (the next number, under a lock on the year). */
  async insert(
    tx: Tx,
    r: Omit<RuleSetRow, 'version' | 'inForceAt'> & { createdBy: string },
  ): Promise<RuleSetRow> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('rule_set'), ${r.year})`;
    const [{ next }] = await tx.$queryRaw<{ next: number }[]>`
      SELECT COALESCE(MAX(version), 0) + 1 AS next FROM rule_set WHERE year = ${r.year}`;
    await tx.$executeRaw`
      INSERT INTO rule_set (id, year, version, name, status, effective_from, legal_basis, bands, advice_condition,
                            co_financing, knowledge_overhead_bp, advice_deadline_working_days, created_by, created_at)
      VALUES (${r.id}::uuid, ${r.year}, ${next}, ${r.name}, 'DRAFT', ${r.effectiveFrom}::date, ${r.legalBasis},
              ${JSON.stringify(r.bands)}::jsonb, ${r.adviceCondition}, ${JSON.stringify(r.coFinancing)}::jsonb,
              ${r.knowledgeOverheadBp}, ${r.adviceDeadlineWorkingDays}, ${r.createdBy}, ${r.createdAt})`;
    return (await this.find(r.id, tx)) as RuleSetRow;
  }

  async find(id: string, tx: Tx = this.db, lock = ''): Promise<RuleSetRow | null> {
    const { rows } = await tx.query<RuleSetRow>({
      text: `${SELECT} WHERE id = $1::uuid ${lock}`,
      values: [id],
    });
    return rows[0] ?? null;
  }

  async list(year?: number): Promise<RuleSetRow[]> {
    const { rows } = await this.db.query<RuleSetRow>({
      text: `${SELECT} ${year ? 'WHERE year = $1' : ''} ORDER BY year DESC, version DESC`,
      values: year ? [year] : [],
    });
    return rows;
  }

  /** The rule set in force for a year on a day: the latest version in force whose effective date has come. */
  async inForce(year: number, on: string, tx: Tx = this.db): Promise<RuleSetRow | null> {
    const { rows } = await tx.query<RuleSetRow>({
      text: `${SELECT} WHERE year = $1 AND status = 'IN_FORCE' AND effective_from <= $2::date
             ORDER BY effective_from DESC, version DESC LIMIT 1`,
      values: [year, on],
    });
    return rows[0] ?? null;
  }

  async putInForce(tx: Tx, id: string): Promise<RuleSetRow> {
    await tx.$executeRaw`UPDATE rule_set SET status = 'IN_FORCE', in_force_at = now() WHERE id = ${id}::uuid`;
    return (await this.find(id, tx)) as RuleSetRow;
  }
}
