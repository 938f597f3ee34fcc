import { Injectable } from '@nestjs/common';
import type { InstantCursor } from '@platform/http';
import { newestFirst, PgDatabase, SqlTable } from '@platform/persistence';
import { randomUUID } from 'node:crypto';
import { PrismaService, type Tx } from '../database/prisma.service';
import type { AdviceCase, AdviceCaseAssignment, Prisma } from '../generated/prisma/client';
import type { CaseScope } from './advice-case-scope';
import type { Assignment } from './domain/assignment';

export type AdviceCaseRow = AdviceCase;
export type AdviceCaseFilter = Prisma.AdviceCaseWhereInput;
export type AdviceCaseChanges = Partial<Omit<AdviceCaseRow, 'id' | 'version' | 'createdAt' | 'updatedAt'>>;
export type AssignmentRow = AdviceCaseAssignment;

const adviceCase = new SqlTable<AdviceCaseRow>('advice_case', {
  id: 'id',
  referralId: 'referral_id',
  origin: 'origin',
  municipalityCode: 'municipality_code',
  citizenPseudonym: 'citizen_pseudonym',
  targetGroup: 'target_group',
  ageGroup: 'age_group',
  assessedLevel: 'assessed_level',
  reasons: 'reasons',
  question: 'question',
  status: 'status',
  version: 'version',
  caseDate: 'case_date',
  openedAt: 'opened_at',
  workingDays: 'working_days',
  dueDate: 'due_date',
  dueAt: 'due_at',
  overdue: 'overdue',
  overdueAt: 'overdue_at',
  assignmentKind: 'assignment_kind',
  advisoryFunctionId: 'advisory_function_id',
  planningFunctionId: 'planning_function_id',
  offerId: 'offer_id',
  regionCode: 'region_code',
  advisorOrgType: 'advisor_org_type',
  advisorOrgCode: 'advisor_org_code',
  declinedFunctionIds: 'declined_function_ids',
  adviceLevel: 'advice_level',
  adviceOfferId: 'advice_offer_id',
  adviceOfferType: 'advice_offer_type',
  adviceRationale: 'advice_rationale',
  adviceGuidelineVersionId: 'advice_guideline_version_id',
  adviceGivenAt: 'advice_given_at',
  adviceGivenBy: 'advice_given_by',
  adviceOnTime: 'advice_on_time',
  followsAdvice: 'follows_advice',
  deviation: 'deviation',
  decidedAt: 'decided_at',
  createdBy: 'created_by',
  correlationId: 'correlation_id',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
});

const assignmentTable = new SqlTable<AssignmentRow>('advice_case_assignment', {
  id: 'id',
  adviceCaseId: 'advice_case_id',
  position: 'position',
  kind: 'kind',
  advisoryFunctionId: 'advisory_function_id',
  offerId: 'offer_id',
  regionCode: 'region_code',
  advisorOrgType: 'advisor_org_type',
  advisorOrgCode: 'advisor_org_code',
  cause: 'cause',
  reason: 'reason',
  assignedBy: 'assigned_by',
  assignedAt: 'assigned_at',
});

/** The assignment columns of a case, from an assignment. */
export function assignmentColumns(a: Assignment) {
  return {
    assignmentKind: a.kind,
    advisoryFunctionId: a.advisoryFunctionId,
    planningFunctionId: a.planningFunctionId,
    offerId: a.offerId,
    regionCode: a.regionCode,
    advisorOrgType: a.advisorOrgType,
    advisorOrgCode: a.advisorOrgCode,
  };
}

/** The assignment a case holds now. */
export function assignmentFromRow(row: AdviceCaseRow): Assignment {
  return {
    kind: row.assignmentKind as Assignment['kind'],
    advisoryFunctionId: row.advisoryFunctionId,
    planningFunctionId: row.planningFunctionId,
    offerId: row.offerId,
    regionCode: row.regionCode,
    advisorOrgType: row.advisorOrgType as Assignment['advisorOrgType'],
    advisorOrgCode: row.advisorOrgCode,
  };
}

/**
 * Persistence of advice cases. Every read by id takes the caller's scope; outside it a case is not found. Writes
 * and reads by id are SQL on the request's pg transaction; lists are Prisma queries with the scope as a filter.
 */
@Injectable()
export class AdviceCaseRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly db: PgDatabase,
  ) {}

  /**
   * Inserts a case unless its referral has one already (the unique referral_id): null then, so an advice-required
   * event delivered twice, even under two event ids, opens one case.
   */
  async insertUnlessExists(
    tx: Tx,
    data: Omit<AdviceCaseRow, 'version' | 'overdue'>,
  ): Promise<AdviceCaseRow | null> {
    const statement = adviceCase.insert(data);
    const { rows } = await tx.query<AdviceCaseRow>({
      ...statement,
      text: statement.text.replace(' RETURNING ', ' ON CONFLICT (referral_id) DO NOTHING RETURNING '),
    });
    return rows[0] ?? null;
  }

  async find(id: string, tx: Tx = this.db): Promise<AdviceCaseRow | null> {
    const { rows } = await tx.query<AdviceCaseRow>(adviceCase.find('id', id));
    return rows[0] ?? null;
  }

  async findInScope(id: string, scope: CaseScope, tx: Tx = this.db): Promise<AdviceCaseRow | null> {
    const row = await this.find(id, tx);
    return row && scope.includes(row) ? row : null;
  }

  async findByReferral(referralId: string, tx: Tx = this.db): Promise<AdviceCaseRow | null> {
    const { rows } = await tx.query<AdviceCaseRow>(adviceCase.find('referralId', referralId));
    return rows[0] ?? null;
  }

  /** Locks the row for the rest of the transaction, so concurrent changes to one case queue up. */
  async lockInScope(tx: Tx, id: string, scope: CaseScope): Promise<AdviceCaseRow | null> {
    const { rows } = await tx.query<AdviceCaseRow>(adviceCase.find('id', id, 'FOR UPDATE'));
    return rows[0] && scope.includes(rows[0]) ? rows[0] : null;
  }

  /** Updates and bumps the version (the ETag). */
  async update(tx: Tx, row: AdviceCaseRow, data: AdviceCaseChanges): Promise<AdviceCaseRow> {
    const { rows } = await tx.query<AdviceCaseRow>(
      adviceCase.update('id', row.id, { ...data, updatedAt: new Date() }, [
        `${adviceCase.column('version')} = ${adviceCase.column('version')} + 1`,
      ]),
    );
    return rows[0];
  }

  /** Appends an assignment to the case's history (position 1 is the opening one). */
  async recordAssignment(
    tx: Tx,
    caseId: string,
    a: Assignment,
    how: { cause: 'OPENED' | 'REASSIGNED' | 'DECLINED'; reason: string | null; by: string; at: Date },
  ): Promise<void> {
    const [{ next }] = await tx.$queryRaw<{ next: number }[]>`
      SELECT COALESCE(MAX(position), 0)::int + 1 AS next FROM advice_case_assignment
      WHERE advice_case_id = ${caseId}::uuid`;
    await tx.query(
      assignmentTable.insert({
        id: randomUUID(),
        adviceCaseId: caseId,
        position: next,
        kind: a.kind,
        advisoryFunctionId: a.advisoryFunctionId,
        offerId: a.offerId,
        regionCode: a.regionCode,
        advisorOrgType: a.advisorOrgType,
        advisorOrgCode: a.advisorOrgCode,
        cause: how.cause,
        reason: how.reason,
        assignedBy: how.by,
        assignedAt: how.at,
      }),
    );
  }

  /** One case's assignment history, in order, in a transaction (the request's, when it has one). */
  async history(tx: Tx, caseId: string): Promise<AssignmentRow[]> {
    const { rows } = await tx.query<AssignmentRow>({
      text: `SELECT ${assignmentTable.select} FROM advice_case_assignment WHERE advice_case_id = $1 ORDER BY position`,
      values: [caseId],
    });
    return rows;
  }

  /** The assignment history of the given cases, in order. */
  async histories(caseIds: string[]): Promise<Map<string, AssignmentRow[]>> {
    const rows = caseIds.length
      ? await this.prisma.adviceCaseAssignment.findMany({
          where: { adviceCaseId: { in: caseIds } },
          orderBy: [{ adviceCaseId: 'asc' }, { position: 'asc' }],
        })
      : [];
    const byCase = new Map<string, AssignmentRow[]>(caseIds.map((id) => [id, []]));
    for (const row of rows) byCase.get(row.adviceCaseId)?.push(row);
    return byCase;
  }

  /** Newest first; the cursor is the last row's (createdAt, id). */
  list(filter: AdviceCaseFilter, limit: number, after?: InstantCursor): Promise<AdviceCaseRow[]> {
    const page = newestFirst(after);
    return this.prisma.adviceCase.findMany({
      where: { AND: [filter, page.where] },
      orderBy: page.orderBy,
      take: limit,
    });
  }

  /** Open cases whose deadline has passed and that are not flagged yet; rows another scanner holds are skipped. */
  async claimPassedDeadlines(tx: Tx, now: Date, limit = 500): Promise<string[]> {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM advice_case
      WHERE status = 'ASSIGNED' AND overdue = false AND due_at <= ${now}
      ORDER BY due_at LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
    return rows.map((r) => r.id);
  }
}
