import { Injectable } from '@nestjs/common';
import { PgDatabase, SqlTable } from '@platform/persistence';
import type { Tx } from '../database/prisma.service';
import type { SpecialtyFunction } from '../generated/prisma/client';

export type FunctionRow = SpecialtyFunction;
/** A listed function and whether a later approval of it continues it without a gap (fornyet). */
export type ListedFunction = FunctionRow & { renewed: boolean };

export interface FunctionFilter {
  offerId?: string;
  targetGroup?: string;
  functionType?: string;
  /** Only functions not yet ended on this day (unless includeEnded). */
  today: string;
  includeEnded: boolean;
  /** Only functions ending between today and this day, not renewed (the expiry listing). */
  endingBy?: string;
}

/** Property → column of `specialty_function`. */
const fn = new SqlTable<FunctionRow>('specialty_function', {
  id: 'id',
  offerId: 'offer_id',
  operatorOrgCode: 'operator_org_code',
  targetGroup: 'target_group',
  functionType: 'function_type',
  validFrom: 'valid_from',
  validTo: 'valid_to',
  minimumYearlyVolume: 'minimum_yearly_volume',
  applicationId: 'application_id',
  planVersionId: 'plan_version_id',
  expiryAnnouncedAt: 'expiry_announced_at',
  createdAt: 'created_at',
});

/**
 * Another approval of the same function (offer, target group, kind) that continues `f` without a gap and ends
 * later: the SQL of isRenewed (domain/function-validity.ts).
 */
const RENEWED = `EXISTS (SELECT 1 FROM specialty_function n
  WHERE n.offer_id = f.offer_id AND n.target_group = f.target_group AND n.function_type = f.function_type
    AND n.valid_from <= f.valid_to + 1 AND n.valid_to > f.valid_to)`;

/** Approved functions (specialty_function): written when a plan version or an application is approved. */
@Injectable()
export class FunctionRepository {
  constructor(private readonly db: PgDatabase) {}

  async insert(tx: Tx, row: FunctionRow): Promise<FunctionRow> {
    const { rows } = await tx.query<FunctionRow>(fn.insert(row));
    return rows[0];
  }

  async find(id: string, tx: Tx = this.db): Promise<ListedFunction | null> {
    const { rows } = await tx.query<ListedFunction>({
      text: `SELECT ${fn.select}, ${RENEWED} AS renewed FROM specialty_function f WHERE f.id = $1`,
      values: [id],
    });
    return rows[0] ?? null;
  }

  /** Locks the function for the rest of the transaction (the expiry announcement). */
  async lock(tx: Tx, id: string): Promise<FunctionRow | null> {
    const { rows } = await tx.query<FunctionRow>(fn.find('id', id, 'FOR UPDATE'));
    return rows[0] ?? null;
  }

  async markAnnounced(tx: Tx, id: string, at: Date): Promise<FunctionRow> {
    const { rows } = await tx.query<FunctionRow>(fn.update('id', id, { expiryAnnouncedAt: at }));
    return rows[0];
  }

  /** Functions of one application (at most one: an application is approved once). */
  async ofApplications(applicationIds: readonly string[], tx: Tx = this.db): Promise<Map<string, string>> {
    if (applicationIds.length === 0) return new Map();
    const rows = await tx.$queryRaw<{ applicationId: string; id: string }[]>`
      SELECT application_id AS "applicationId", id FROM specialty_function
      WHERE application_id = ANY(${applicationIds}::uuid[])`;
    return new Map(rows.map((r) => [r.applicationId, r.id]));
  }

  /**
   * Soonest ending first; the cursor is the last row's (validTo, id). Every filter is a parameter that, when
   * null, lets every row through: one static statement for every combination.
   */
  async list(
    filter: FunctionFilter,
    limit: number,
    after?: { validTo: string; id: string },
  ): Promise<ListedFunction[]> {
    const { rows } = await this.db.query<ListedFunction>({
      text: `SELECT ${fn.select}, ${RENEWED} AS renewed FROM specialty_function f
        WHERE ($1::uuid IS NULL OR f.offer_id = $1::uuid)
          AND ($2::text IS NULL OR f.target_group = $2)
          AND ($3::text IS NULL OR f.function_type = $3)
          AND ($5::boolean OR f.valid_to >= $4::date)
          AND ($6::date IS NULL OR (f.valid_to BETWEEN $4::date AND $6::date AND NOT ${RENEWED}))
          AND ($7::date IS NULL OR (f.valid_to, f.id) > ($7::date, $8::uuid))
        ORDER BY f.valid_to, f.id
        LIMIT $9`,
      values: [
        filter.offerId ?? null,
        filter.targetGroup ?? null,
        filter.functionType ?? null,
        filter.today,
        filter.includeEnded,
        filter.endingBy ?? null,
        after?.validTo ?? null,
        after?.id ?? null,
        limit,
      ],
    });
    return rows;
  }

  /**
   * Functions ending between today and the horizon that were never announced and are not renewed, locked
   * so that several instances running the scan each take other rows (SKIP LOCKED).
   */
  async lockUnannouncedEndingBy(tx: Tx, today: string, horizon: string, limit = 500): Promise<string[]> {
    const { rows } = await tx.query<{ id: string }>({
      text: `SELECT f.id FROM specialty_function f
        WHERE f.expiry_announced_at IS NULL AND f.valid_to BETWEEN $1::date AND $2::date AND NOT ${RENEWED}
        ORDER BY f.valid_to, f.id LIMIT $3 FOR UPDATE OF f SKIP LOCKED`,
      values: [today, horizon, limit],
    });
    return rows.map((r) => r.id);
  }
}
