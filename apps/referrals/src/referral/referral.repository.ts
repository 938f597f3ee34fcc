import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../database/prisma.service';
import type { Prisma, Referral } from '../generated/prisma/client';

export type ReferralRow = Referral;
export type ReferralFilter = Prisma.ReferralWhereInput;

/** Persistence of referrals; every query takes the caller's scope as a filter, never an afterthought. */
@Injectable()
export class ReferralRepository {
  constructor(private readonly prisma: PrismaService) {}

  insert(tx: Tx, data: Prisma.ReferralCreateInput): Promise<ReferralRow> {
    return tx.referral.create({ data });
  }

  findInScope(
    id: string,
    scope: ReferralFilter,
    tx: Tx | PrismaService = this.prisma,
  ): Promise<ReferralRow | null> {
    return tx.referral.findFirst({ where: { AND: [{ id }, scope] } });
  }

  /** Locks the row for the rest of the transaction, so concurrent changes to one referral queue up. */
  async lockInScope(tx: Tx, id: string, scope: ReferralFilter): Promise<ReferralRow | null> {
    const locked = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM referral WHERE id = ${id}::uuid FOR UPDATE`;
    return locked.length ? this.findInScope(id, scope, tx) : null;
  }

  /** Updates and bumps the version (the ETag). */
  update(tx: Tx, row: ReferralRow, data: Prisma.ReferralUpdateInput): Promise<ReferralRow> {
    return tx.referral.update({
      where: { id: row.id },
      data: { ...data, version: { increment: 1 }, updatedAt: new Date() },
    });
  }

  /** Newest first; the cursor is the last row's (createdAt, id). */
  list(
    filter: ReferralFilter,
    limit: number,
    after?: { createdAt: Date; id: string },
  ): Promise<ReferralRow[]> {
    const cursor: ReferralFilter = after
      ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }
      : {};
    return this.prisma.referral.findMany({
      where: { AND: [filter, cursor] },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit,
    });
  }
}
