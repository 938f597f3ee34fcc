import { Injectable } from '@nestjs/common';
import type { InstantCursor } from '@platform/http';
import { newestFirst, PgDatabase, SqlTable } from '@platform/persistence';
import { PrismaService, type Tx } from '../../database/prisma.service';
import type { FunctionApplication, Prisma } from '../../generated/prisma/client';

export type ApplicationRow = FunctionApplication;
export type ApplicationFilter = Prisma.FunctionApplicationWhereInput;
export type ApplicationChanges = Partial<Pick<ApplicationRow, 'status' | 'rejectionReason' | 'decidedAt'>>;

/** Property → column of `function_application`. */
const application = new SqlTable<ApplicationRow>('function_application', {
  id: 'id',
  offerId: 'offer_id',
  operatorOrgType: 'operator_org_type',
  operatorOrgCode: 'operator_org_code',
  targetGroup: 'target_group',
  functionType: 'function_type',
  yearlyVolume: 'yearly_volume',
  competences: 'competences',
  healthCooperation: 'health_cooperation',
  status: 'status',
  version: 'version',
  rejectionReason: 'rejection_reason',
  decidedAt: 'decided_at',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
});

/**
 * The caller's view of applications: an operator its own (by organisation), the state all of them. Every read
 * and every command takes this scope, so another organisation's application is simply not found (404).
 */
export interface ApplicationScope {
  operatorOrgCode?: string;
}

const inScope = (row: ApplicationRow, scope: ApplicationScope) =>
  scope.operatorOrgCode === undefined || row.operatorOrgCode === scope.operatorOrgCode;

/** Function applications (ansøgninger om specialfunktion): SQL on the request's transaction, lists with Prisma. */
@Injectable()
export class ApplicationRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly db: PgDatabase,
  ) {}

  async insert(tx: Tx, row: Omit<ApplicationRow, 'version'>): Promise<ApplicationRow> {
    const { rows } = await tx.query<ApplicationRow>(application.insert(row));
    return rows[0];
  }

  async findInScope(id: string, scope: ApplicationScope, tx: Tx = this.db): Promise<ApplicationRow | null> {
    const { rows } = await tx.query<ApplicationRow>(application.find('id', id));
    return rows[0] && inScope(rows[0], scope) ? rows[0] : null;
  }

  /** Locks the row for the rest of the transaction, so two decisions on one application queue up. */
  async lockInScope(tx: Tx, id: string, scope: ApplicationScope): Promise<ApplicationRow | null> {
    const { rows } = await tx.query<ApplicationRow>(application.find('id', id, 'FOR UPDATE'));
    return rows[0] && inScope(rows[0], scope) ? rows[0] : null;
  }

  /** Updates and bumps the version (the ETag). */
  async update(tx: Tx, row: ApplicationRow, changes: ApplicationChanges): Promise<ApplicationRow> {
    const { rows } = await tx.query<ApplicationRow>(
      application.update('id', row.id, { ...changes, updatedAt: new Date() }, [
        `${application.column('version')} = ${application.column('version')} + 1`,
      ]),
    );
    return rows[0];
  }

  /** Newest first; the cursor is the last row's (createdAt, id). */
  list(filter: ApplicationFilter, limit: number, after?: InstantCursor): Promise<ApplicationRow[]> {
    const page = newestFirst(after);
    return this.prisma.functionApplication.findMany({
      where: { AND: [filter, page.where] },
      orderBy: page.orderBy,
      take: limit,
    });
  }
}
