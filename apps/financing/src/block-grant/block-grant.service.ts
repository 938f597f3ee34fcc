import { Injectable } from '@nestjs/common';
import type { Principal } from '@platform/auth';
import { BlockGrantAllocated, BlockGrantInstalmentPaid } from '@platform/contracts';
import { StateConflict } from '@platform/domain';
import { ProblemException } from '@platform/http';
import { CommandRunner } from '@platform/kit';
import { event } from '@platform/messaging';
import { randomUUID } from 'node:crypto';
import type { Tx } from '../database/prisma.service';
import { allocateGrant, grantWeights } from './block-grant.domain';
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
  /** Left out with POPULATION: the regions' population from reference data (libs/domain). */
  weights?: Record<string, number>;
}

/**
 * Block grants (bloktilskud): the state allocates a year's total to the regions and pays it monthly (rule 7).
 * Both are commands through the kit's CommandRunner: the change, its funding events and the audit event in one
 * transaction.
 */
@Injectable()
export class BlockGrantService {
  constructor(
    private readonly runner: CommandRunner,
    private readonly grants: BlockGrantRepository,
  ) {}

  allocate(p: Principal, input: GrantInput, requestId?: string): Promise<GrantRow> {
    const { weights, source } = grantWeights(input.year, input.key, input.weights);
    const allocations = allocateGrant(input.year, input.total, weights);
    const id = randomUUID();
    return this.runner.record<GrantRow, Tx>({
      principal: p,
      requestId,
      action: 'block-grant.allocate',
      purpose: 'financing',
      write: async (tx) => {
        if (await this.grants.yearTaken(tx, input.year)) throw new GrantExists(input.year);
        await this.grants.insert(
          tx,
          {
            id,
            year: input.year,
            totalOre: input.total,
            key: input.key,
            weightsSource: source,
            createdBy: p.subject,
          },
          allocations,
        );
        return {
          saved: (await this.grants.find(id, tx)) as GrantRow,
          resource: { type: 'block-grant', id },
          events: [
            event(BlockGrantAllocated, {
              grantId: id,
              year: input.year,
              key: input.key,
              totalOre: input.total,
              allocations: allocations.map((a) => ({ regionCode: a.regionCode, amountOre: a.amountOre })),
            }),
          ],
        };
      },
    });
  }

  /**
   * Pays every region's instalment of a month, once (a second time is 409). A payment is appended to the grant
   * rather than a transition of it, so it needs no If-Match: the month names what is paid, and the row lock
   * orders two payments of the same grant.
   */
  pay(p: Principal, id: string, month: number, requestId?: string): Promise<GrantRow> {
    return this.runner.record<GrantRow, Tx>({
      principal: p,
      requestId,
      action: 'block-grant.pay',
      purpose: 'financing',
      write: async (tx) => {
        await tx.$executeRaw`SELECT 1 FROM block_grant WHERE id = ${id}::uuid FOR UPDATE`;
        const found = await this.grants.find(id, tx);
        if (!found) throw ProblemException.notFound(`block grant ${id}`);
        if (found.allocations.some((a) => a.paidMonths.includes(month))) throw new InstalmentPaid(month);
        await this.grants.markPaid(tx, id, month);
        return {
          saved: (await this.grants.find(id, tx)) as GrantRow,
          resource: { type: 'block-grant', id },
          events: found.allocations.map((a) =>
            event(BlockGrantInstalmentPaid, {
              grantId: id,
              year: found.year,
              month,
              regionCode: a.regionCode,
              amountOre: a.instalments[month - 1]!,
            }),
          ),
        };
      },
    });
  }
}
