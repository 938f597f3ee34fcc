import { Injectable } from '@nestjs/common';
import { PgDatabase } from '@platform/persistence';
import type { Tx } from '../database/prisma.service';
import type { Allocation } from './block-grant.domain';

export interface GrantRow {
  id: string;
  year: number;
  totalOre: number;
  key: 'POPULATION' | 'NEED';
  weightsSource: string | null;
  createdAt: Date;
  allocations: (Allocation & { paidMonths: number[] })[];
}

@Injectable()
export class BlockGrantRepository {
  constructor(private readonly db: PgDatabase) {}

  async yearTaken(tx: Tx, year: number): Promise<boolean> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('block_grant'), ${year})`;
    return (await tx.$queryRaw<unknown[]>`SELECT 1 FROM block_grant WHERE year = ${year}`).length > 0;
  }

  async insert(
    tx: Tx,
    g: {
      id: string;
      year: number;
      totalOre: number;
      key: string;
      weightsSource: string | null;
      createdBy: string;
    },
    allocations: Allocation[],
  ): Promise<void> {
    await tx.$executeRaw`
      INSERT INTO block_grant (id, year, total_ore, key, weights_source, created_by, created_at)
      VALUES (${g.id}::uuid, ${g.year}, ${g.totalOre}, ${g.key}, ${g.weightsSource}, ${g.createdBy}, now())`;
    for (const a of allocations) {
      await tx.$executeRaw`
        INSERT INTO block_grant_allocation (grant_id, region_code, weight, amount_ore, instalments, paid_months)
        VALUES (${g.id}::uuid, ${a.regionCode}, ${a.weight}, ${a.amountOre}, ${a.instalments}::bigint[], '{}')`;
    }
  }

  async find(id: string, tx: Tx = this.db): Promise<GrantRow | null> {
    return (await this.load(tx, 'WHERE g.id = $1::uuid', [id]))[0] ?? null;
  }

  list(year?: number): Promise<GrantRow[]> {
    return year ? this.load(this.db, 'WHERE g.year = $1', [year]) : this.load(this.db, '', []);
  }

  async markPaid(tx: Tx, id: string, month: number): Promise<void> {
    await tx.$executeRaw`
      UPDATE block_grant_allocation SET paid_months = array_append(paid_months, ${month}) WHERE grant_id = ${id}::uuid`;
  }

  private async load(tx: Tx, where: string, values: unknown[]): Promise<GrantRow[]> {
    const { rows } = await tx.query<
      Omit<GrantRow, 'allocations'> & { allocations: (Allocation & { paidMonths: number[] })[] }
    >({
      text: `SELECT g.id, g.year, g.total_ore::float8 AS "totalOre", g.key,
                    g.weights_source AS "weightsSource", g.created_at AS "createdAt",
                    COALESCE(json_agg(json_build_object('regionCode', a.region_code, 'weight', a.weight,
                      'amountOre', a.amount_ore, 'instalments', a.instalments, 'paidMonths', a.paid_months)
                      ORDER BY a.region_code) FILTER (WHERE a.region_code IS NOT NULL), '[]') AS allocations
             FROM block_grant g LEFT JOIN block_grant_allocation a ON a.grant_id = g.id
             ${where} GROUP BY g.id ORDER BY g.year DESC`,
      values,
    });
    return rows;
  }
}
