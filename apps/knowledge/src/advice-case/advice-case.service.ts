import { Injectable } from '@nestjs/common';
import { AuditTrail, type AuditEntry, type Principal } from '@platform/auth';
import {
  decodeInstantCursor,
  encodeInstantCursor,
  pageOf,
  ProblemException,
  type RequestMeta,
} from '@platform/http';
import { UnitOfWork } from '@platform/kit';
import type { Tx } from '../database/prisma.service';
import { readScope } from './advice-case-scope';
import {
  AdviceCaseRepository,
  type AdviceCaseFilter,
  type AdviceCaseRow,
  type AssignmentRow,
} from './advice-case.repository';
import type { ListCasesQuery } from './dto/advice-case.dto';

export interface CasePage {
  items: { row: AdviceCaseRow; history: AssignmentRow[] }[];
  nextCursor: string | null;
}

/**
 * Reading advice cases in the caller's scope. Every case shown is an audited read of that citizen's case (by
 * pseudonym); a case outside the scope is not found, and the attempt is audited as denied.
 */
@Injectable()
export class AdviceCaseService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly cases: AdviceCaseRepository,
    private readonly audit: AuditTrail,
  ) {}

  /** A case's history as the current request sees it (its own changes included, before they commit). */
  historyOf(id: string): Promise<AssignmentRow[]> {
    return this.uow.run((tx: Tx) => this.cases.history(tx, id));
  }

  async get(principal: Principal, id: string, meta: RequestMeta) {
    const row = await this.cases.findInScope(id, readScope(principal));
    if (!row) {
      await this.audit.denied(principal, {
        action: 'advice-case.read',
        resource: caseResource(id),
        requestId: meta.requestId,
      });
      throw ProblemException.notFound(`advice case ${id}`);
    }
    await this.audit.recordNow(principal, readEntry('advice-case.read', row, meta));
    const history = (await this.cases.histories([row.id])).get(row.id) ?? [];
    return { row, history };
  }

  async list(principal: Principal, query: ListCasesQuery, meta: RequestMeta): Promise<CasePage> {
    const scope = readScope(principal);
    const after = query.cursor ? decodeInstantCursor(query.cursor) : undefined;
    const rows = await this.cases.list({ AND: [scope.where, filterOf(query)] }, query.limit + 1, after);
    const { items, nextCursor } = pageOf(rows, query.limit, (row) =>
      encodeInstantCursor({ at: row.createdAt, id: row.id }),
    );
    await this.audit.recordAllNow(
      principal,
      items.map((row) => readEntry('advice-case.list', row, meta)),
    );
    const histories = await this.cases.histories(items.map((r) => r.id));
    return { items: items.map((row) => ({ row, history: histories.get(row.id) ?? [] })), nextCursor };
  }
}

function filterOf(q: ListCasesQuery): AdviceCaseFilter {
  return {
    ...(q.status ? { status: q.status } : {}),
    ...(q.targetGroup ? { targetGroup: q.targetGroup } : {}),
    ...(q.referralId ? { referralId: q.referralId } : {}),
    ...(q.overdue !== undefined ? { overdue: q.overdue } : {}),
    ...(q.assignmentKind ? { assignmentKind: q.assignmentKind } : {}),
  };
}

const caseResource = (id: string) => ({ type: 'advice-case', id });

/** An allowed read of one citizen's advice case: who, which case, which citizen (pseudonym), why. */
function readEntry(action: string, row: AdviceCaseRow, meta: RequestMeta): AuditEntry {
  return {
    correlationId: row.correlationId,
    action,
    resource: caseResource(row.id),
    citizenPseudonym: row.citizenPseudonym ?? undefined,
    purpose: 'advice',
    outcome: 'ALLOWED',
    requestId: meta.requestId,
  };
}
