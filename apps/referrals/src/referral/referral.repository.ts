import { Injectable } from '@nestjs/common';
import type { InstantCursor } from '@platform/http';
import { newestFirst, PgDatabase, SqlTable } from '@platform/persistence';
import { PrismaService, type Tx } from '../database/prisma.service';
import type { Prisma, Referral } from '../generated/prisma/client';
import { inScope } from './scope-match';

export type ReferralRow = Referral;
export type ReferralFilter = Prisma.ReferralWhereInput;
/** What a command may change; the version and updatedAt are the repository's. */
export type ReferralChanges = Partial<Omit<ReferralRow, 'id' | 'version' | 'createdAt' | 'updatedAt'>>;
/** A new referral: nullable columns and columns with a database default may be left out. */
export type NewReferral = Omit<ReferralRow, Optional> & Partial<Pick<ReferralRow, Optional>>;
type Defaulted = 'version' | 'adviceOverdue' | 'decidedBeforeAdvice' | 'deviation';
type Optional =
  Defaulted | { [K in keyof ReferralRow]: null extends ReferralRow[K] ? K : never }[keyof ReferralRow];

/** Property → column of `referral` (the Prisma model's @map names). */
const referral = new SqlTable<ReferralRow>('referral', {
  id: 'id',
  municipalityCode: 'municipality_code',
  status: 'status',
  version: 'version',
  cprCiphertext: 'cpr_ciphertext',
  cprKeyId: 'cpr_key_id',
  citizenPseudonym: 'citizen_pseudonym',
  ageGroup: 'age_group',
  targetGroup: 'target_group',
  assessedLevel: 'assessed_level',
  caseworkerDoubt: 'caseworker_doubt',
  urgent: 'urgent',
  urgentReason: 'urgent_reason',
  referralDate: 'referral_date',
  adviceRequired: 'advice_required',
  adviceReasons: 'advice_reasons',
  adviceDueAt: 'advice_due_at',
  adviceOverdue: 'advice_overdue',
  adviceCaseId: 'advice_case_id',
  adviceLevel: 'advice_level',
  adviceOfferId: 'advice_offer_id',
  adviceRationale: 'advice_rationale',
  adviceGivenAt: 'advice_given_at',
  decisionOfferId: 'decision_offer_id',
  decisionLevel: 'decision_level',
  decisionStartDate: 'decision_start_date',
  decidedAt: 'decided_at',
  decidedBeforeAdvice: 'decided_before_advice',
  followsAdvice: 'follows_advice',
  deviation: 'deviation',
  deviationReasons: 'deviation_reasons',
  deviationJustification: 'deviation_justification',
  operatorOrgCode: 'operator_org_code',
  rejectionReason: 'rejection_reason',
  rejectionNote: 'rejection_note',
  placementStart: 'placement_start',
  placementEnd: 'placement_end',
  withdrawnReason: 'withdrawn_reason',
  createdBy: 'created_by',
  correlationId: 'correlation_id',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
});

/**
 * Persistence of referrals; every query takes the caller's scope as a filter, never an afterthought. The
 * write path and the read by id are SQL on the request's pg transaction (docs/performance.md); lists, with
 * their filters and cursor, stay Prisma queries.
 */
@Injectable()
export class ReferralRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly db: PgDatabase,
  ) {}

  async insert(tx: Tx, data: NewReferral): Promise<ReferralRow> {
    const { rows } = await tx.query<ReferralRow>(referral.insert(data));
    return rows[0];
  }

  async findInScope(id: string, scope: ReferralFilter, tx: Tx = this.db): Promise<ReferralRow | null> {
    const { rows } = await tx.query<ReferralRow>(referral.find('id', id));
    return rows[0] && inScope(rows[0], scope) ? rows[0] : null;
  }

  /** Locks the row for the rest of the transaction, so concurrent changes to one referral queue up. */
  async lockInScope(tx: Tx, id: string, scope: ReferralFilter): Promise<ReferralRow | null> {
    const { rows } = await tx.query<ReferralRow>(referral.find('id', id, 'FOR UPDATE'));
    return rows[0] && inScope(rows[0], scope) ? rows[0] : null;
  }

  /** Updates and bumps the version (the ETag). */
  async update(tx: Tx, row: ReferralRow, data: ReferralChanges): Promise<ReferralRow> {
    const { rows } = await tx.query<ReferralRow>(
      referral.update('id', row.id, { ...data, updatedAt: new Date() }, [
        `${referral.column('version')} = ${referral.column('version')} + 1`,
      ]),
    );
    return rows[0];
  }

  /** Newest first; the cursor is the last row's (createdAt, id). */
  list(filter: ReferralFilter, limit: number, after?: InstantCursor): Promise<ReferralRow[]> {
    const page = newestFirst(after);
    return this.prisma.referral.findMany({
      where: { AND: [filter, page.where] },
      orderBy: page.orderBy,
      take: limit,
    });
  }
}
