import { Injectable } from '@nestjs/common';
import type { EventData, ResponsibilityChanged } from '@platform/contracts';
import { PrismaService, type Tx } from '../database/prisma.service';
import type { ResponsibilityChange } from '@platform/domain';

/** The local read model of target-group responsibility (rule 2), from planning.plan.v1. */
@Injectable()
export class ResponsibilityRepository {
  constructor(private readonly prisma: PrismaService) {}

  async upsert(tx: Tx, change: EventData<typeof ResponsibilityChanged>): Promise<void> {
    const key = {
      targetGroup: change.targetGroup,
      effectiveFrom: new Date(`${change.effectiveFrom}T00:00:00Z`),
    };
    await tx.responsibilityChange.upsert({
      where: { targetGroup_effectiveFrom: key },
      create: { ...key, responsibility: change.responsibility },
      update: { responsibility: change.responsibility },
    });
  }

  async changesFor(
    targetGroup: string,
    tx: Tx | PrismaService = this.prisma,
  ): Promise<ResponsibilityChange[]> {
    const rows = await tx.responsibilityChange.findMany({
      where: { targetGroup },
      orderBy: { effectiveFrom: 'asc' },
    });
    return rows.map((r) => ({
      targetGroup: r.targetGroup,
      responsibility: r.responsibility as ResponsibilityChange['responsibility'],
      effectiveFrom: r.effectiveFrom.toISOString().slice(0, 10),
    }));
  }
}
