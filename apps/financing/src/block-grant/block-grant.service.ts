import { Injectable } from '@nestjs/common';
import { actorExtension, AuditTrail, type Principal } from '@platform/auth';
import { BlockGrantAllocated, BlockGrantInstalmentPaid } from '@platform/contracts';
import { StateConflict } from '@platform/domain';
import { ProblemException } from '@platform/http';
import { UnitOfWork } from '@platform/kit';
import { OutboxRelay, OutboxWriter } from '@platform/messaging';
import { randomUUID } from 'node:crypto';
import type { Tx } from '../database/prisma.service';
import { allocateGrant } from './block-grant.domain';
import { BlockGrantRepository, type GrantRow } from './block-grant.repository';

class GrantExists extends StateConflict {
  constructor(year: number) {
    super('GRANT_EXISTS', `the block grant for ${year} is allocated already`, { year });
  }
}
class InstalmentPaid extends StateConflict {
  constructor(month: number) {
    super('INSTALMENT_PAID', `the instalment of month ${month} is paid already`, { month });
  }
}

export interface GrantInput {
  year: number;
  total: number;
  key: 'POPULATION' | 'NEED';
  weights: Record<string, number>;
}

/** Block grants (bloktilskud): the state allocates a year's total to the regions and pays it monthly (rule 7). */
@Injectable()
export class BlockGrantService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly grants: BlockGrantRepository,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
    private readonly audit: AuditTrail,
  ) {}

  async allocate(p: Principal, input: GrantInput, requestId?: string): Promise<GrantRow> {
    const allocations = allocateGrant(input.year, input.total, input.weights);
    const id = randomUUID();
    const grant = await this.uow.run(async (tx: Tx) => {
      if (await this.grants.yearTaken(tx, input.year)) throw new GrantExists(input.year);
      await this.grants.insert(
        tx,
        { id, year: input.year, totalOre: input.total, key: input.key, createdBy: p.subject },
        allocations,
      );
      await this.outbox.append(tx, BlockGrantAllocated, {
        subject: id,
        data: {
          grantId: id,
          year: input.year,
          key: input.key,
          totalOre: input.total,
          allocations: allocations.map((a) => ({ regionCode: a.regionCode, amountOre: a.amountOre })),
        },
        extensions: actorExtension(p),
      });
      await this.audit.record(tx, p, {
        action: 'block-grant.allocate',
        resource: { type: 'block-grant', id },
        purpose: 'financing',
        outcome: 'ALLOWED',
        requestId,
      });
      return (await this.grants.find(id, tx)) as GrantRow;
    });
    this.uow.afterCommit(() => this.relay.nudge());
    return grant;
  }

  /** Pays every region's instalment of a month, once. */
  async pay(p: Principal, id: string, month: number, requestId?: string): Promise<GrantRow> {
    const grant = await this.uow.run(async (tx: Tx) => {
      await tx.$executeRaw`SELECT 1 FROM block_grant WHERE id = ${id}::uuid FOR UPDATE`;
      const found = await this.grants.find(id, tx);
      if (!found) throw ProblemException.notFound(`block grant ${id}`);
      if (found.allocations.some((a) => a.paidMonths.includes(month))) throw new InstalmentPaid(month);
      await this.grants.markPaid(tx, id, month);
      for (const a of found.allocations) {
        await this.outbox.append(tx, BlockGrantInstalmentPaid, {
          subject: id,
          data: {
            grantId: id,
            year: found.year,
            month,
            regionCode: a.regionCode,
            amountOre: a.instalments[month - 1]!,
          },
          extensions: actorExtension(p),
        });
      }
      await this.audit.record(tx, p, {
        action: 'block-grant.pay',
        resource: { type: 'block-grant', id },
        purpose: 'financing',
        outcome: 'ALLOWED',
        requestId,
      });
      return (await this.grants.find(id, tx)) as GrantRow;
    });
    this.uow.afterCommit(() => this.relay.nudge());
    return grant;
  }
}
