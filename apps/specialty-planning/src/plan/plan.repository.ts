import { Injectable } from '@nestjs/common';
import { dayOf, PgDatabase, SqlTable } from '@platform/persistence';
import { PrismaService, type Tx } from '../database/prisma.service';
import type { Prisma, SpecialtyPlan, SpecialtyPlanEntry } from '../generated/prisma/client';
import type { ApprovedVersion } from './domain/plan-version';

export type PlanRow = SpecialtyPlan;
export type EntryRow = SpecialtyPlanEntry;
export type PlanChanges = Partial<Pick<PlanRow, 'status' | 'consultationAt' | 'approvedAt'>>;
/** A plan version with its entries, in plan order. */
export interface PlanWithEntries {
  plan: PlanRow;
  entries: EntryRow[];
}

/** Property → column of `specialty_plan`. */
const plan = new SqlTable<PlanRow>('specialty_plan', {
  id: 'id',
  number: 'number',
  title: 'title',
  status: 'status',
  effectiveFrom: 'effective_from',
  version: 'version',
  consultationAt: 'consultation_at',
  approvedAt: 'approved_at',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
});

/** Property → column of `specialty_plan_entry`. */
const entry = new SqlTable<EntryRow>('specialty_plan_entry', {
  id: 'id',
  planId: 'plan_id',
  position: 'position',
  targetGroup: 'target_group',
  functionType: 'function_type',
  offerId: 'offer_id',
  validFrom: 'valid_from',
  validTo: 'valid_to',
  minimumYearlyVolume: 'minimum_yearly_volume',
});

// Transaction-scoped advisory locks (pg_advisory_xact_lock): released at commit or rollback.
const NUMBERING_LOCK = 'specialty_plan.number';
const APPROVAL_LOCK = 'specialty_plan.approve';

/** Plan versions and their entries: SQL on the request's transaction, the list with Prisma. */
@Injectable()
export class PlanRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly db: PgDatabase,
  ) {}

  /**
   * The next version number (1, 2, …), without gaps: creations queue on a lock held to their commit, so two
   * concurrent drafts never take the same number and a failed one leaves none unused.
   */
  async nextNumber(tx: Tx): Promise<number> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${NUMBERING_LOCK}))`;
    const [{ next }] = await tx.$queryRaw<{ next: number }[]>`
      SELECT coalesce(max(number), 0)::int + 1 AS next FROM specialty_plan`;
    return next;
  }

  /** Approvals one at a time, so each sees the others when it works out what it supersedes. */
  async serializeApprovals(tx: Tx): Promise<void> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${APPROVAL_LOCK}))`;
  }

  async insert(tx: Tx, row: Omit<PlanRow, 'version'>): Promise<PlanRow> {
    const { rows } = await tx.query<PlanRow>(plan.insert(row));
    return rows[0];
  }

  async find(id: string, tx: Tx = this.db): Promise<PlanRow | null> {
    const { rows } = await tx.query<PlanRow>(plan.find('id', id));
    return rows[0] ?? null;
  }

  /** Locks the version for the rest of the transaction, so concurrent commands on it queue up. */
  async lock(tx: Tx, id: string): Promise<PlanRow | null> {
    const { rows } = await tx.query<PlanRow>(plan.find('id', id, 'FOR UPDATE'));
    return rows[0] ?? null;
  }

  /** Updates and bumps the version (the ETag). */
  async update(tx: Tx, row: PlanRow, changes: PlanChanges): Promise<PlanRow> {
    const { rows } = await tx.query<PlanRow>(
      plan.update('id', row.id, { ...changes, updatedAt: new Date() }, [
        `${plan.column('version')} = ${plan.column('version')} + 1`,
      ]),
    );
    return rows[0];
  }

  async entries(planId: string, tx: Tx = this.db): Promise<EntryRow[]> {
    const { rows } = await tx.query<EntryRow>({
      text: `SELECT ${entry.select} FROM specialty_plan_entry WHERE plan_id = $1 ORDER BY position`,
      values: [planId],
    });
    return rows;
  }

  /** The entries of a draft, replaced as a whole (PUT semantics). */
  async replaceEntries(tx: Tx, planId: string, entries: EntryRow[]): Promise<EntryRow[]> {
    await tx.$executeRaw`DELETE FROM specialty_plan_entry WHERE plan_id = ${planId}::uuid`;
    const saved: EntryRow[] = [];
    for (const row of entries) saved.push((await tx.query<EntryRow>(entry.insert(row))).rows[0]);
    return saved;
  }

  async withEntries(row: PlanRow, tx: Tx = this.db): Promise<PlanWithEntries> {
    return { plan: row, entries: await this.entries(row.id, tx) };
  }

  /** Every approved version (few: one or two a year), for what is in force on a day. */
  async approvedVersions(tx: Tx = this.db): Promise<ApprovedVersion[]> {
    const rows = await tx.$queryRaw<{ id: string; number: number; effectiveFrom: Date }[]>`
      SELECT id, number, effective_from AS "effectiveFrom" FROM specialty_plan WHERE status = 'APPROVED'`;
    return rows.map((r) => ({ id: r.id, number: r.number, effectiveFrom: dayOf(r.effectiveFrom) }));
  }

  /** Newest version first; the cursor is the last version number shown. */
  list(filter: Prisma.SpecialtyPlanWhereInput, limit: number, beforeNumber?: number): Promise<PlanRow[]> {
    return this.prisma.specialtyPlan.findMany({
      where: { AND: [filter, beforeNumber === undefined ? {} : { number: { lt: beforeNumber } }] },
      orderBy: { number: 'desc' },
      take: limit,
    });
  }

  /** Entry counts of the given versions. */
  async entryCounts(planIds: readonly string[]): Promise<Map<string, number>> {
    if (planIds.length === 0) return new Map();
    const rows = await this.db.$queryRaw<{ planId: string; count: number }[]>`
      SELECT plan_id AS "planId", count(*)::int AS count FROM specialty_plan_entry
      WHERE plan_id = ANY(${planIds}::uuid[]) GROUP BY plan_id`;
    return new Map(rows.map((r) => [r.planId, r.count]));
  }
}
