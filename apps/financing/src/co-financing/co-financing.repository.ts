import { Injectable } from '@nestjs/common';
import { PgDatabase } from '@platform/persistence';
import type { Tx } from '../database/prisma.service';
import type { InvoiceDraft, InvoiceStatus } from './co-financing.domain';

export interface InvoiceRow extends InvoiceDraft {
  id: string;
  status: InvoiceStatus;
  disputeReason: string | null;
  revision: number;
  issuedAt: Date;
  settledAt: Date | null;
}

const SELECT = `
  SELECT id, region_code AS "regionCode", municipality_code AS "municipalityCode", referral_id AS "referralId", month,
         cost_ore::float8 AS "costOre", share_percent_bp AS "sharePercentBp", amount_ore::float8 AS "amountOre", status,
         dispute_reason AS "disputeReason", revision, issued_at AS "issuedAt", settled_at AS "settledAt"
  FROM co_financing_invoice`;

@Injectable()
export class CoFinancingRepository {
  constructor(private readonly db: PgDatabase) {}

  /** Inserts the drafts not issued before (one invoice per placement, month and region); returns the new ones. */
  async issue(tx: Tx, drafts: readonly InvoiceDraft[]): Promise<InvoiceRow[]> {
    if (drafts.length === 0) return [];
    const { rows } = await tx.query<{ id: string }>({
      text: `INSERT INTO co_financing_invoice (id, region_code, municipality_code, referral_id, month, cost_ore,
               share_percent_bp, amount_ore, status, revision, issued_at)
             SELECT gen_random_uuid(), d.region_code, d.municipality_code, d.referral_id, d.month, d.cost_ore,
                    d.share_percent_bp, d.amount_ore, 'ISSUED', 1, now()
             FROM jsonb_to_recordset($1::jsonb) AS d(region_code text, municipality_code text, referral_id uuid,
                    month text, cost_ore bigint, share_percent_bp int, amount_ore bigint)
             ON CONFLICT (referral_id, month, region_code) DO NOTHING
             RETURNING id`,
      values: [
        JSON.stringify(
          drafts.map((d) => ({
            region_code: d.regionCode,
            municipality_code: d.municipalityCode,
            referral_id: d.referralId,
            month: d.month,
            cost_ore: d.costOre,
            share_percent_bp: d.sharePercentBp,
            amount_ore: d.amountOre,
          })),
        ),
      ],
    });
    if (rows.length === 0) return [];
    const { rows: issued } = await tx.query<InvoiceRow>({
      text: `${SELECT} WHERE id = ANY($1::uuid[]) ORDER BY municipality_code, referral_id`,
      values: [rows.map((r) => r.id)],
    });
    return issued;
  }

  async find(id: string, tx: Tx = this.db, lock = ''): Promise<InvoiceRow | null> {
    const { rows } = await tx.query<InvoiceRow>({
      text: `${SELECT} WHERE id = $1::uuid ${lock}`,
      values: [id],
    });
    return rows[0] ?? null;
  }

  async list(filter: {
    month?: string;
    regionCode?: string;
    municipalityCode?: string;
  }): Promise<InvoiceRow[]> {
    const where: string[] = [];
    const values: unknown[] = [];
    if (filter.month) where.push(`month = $${values.push(filter.month)}`);
    if (filter.regionCode) where.push(`region_code = $${values.push(filter.regionCode)}`);
    if (filter.municipalityCode) where.push(`municipality_code = $${values.push(filter.municipalityCode)}`);
    const { rows } = await this.db.query<InvoiceRow>({
      text: `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY month DESC, issued_at DESC LIMIT 1000`,
      values,
    });
    return rows;
  }

  async settle(tx: Tx, id: string, status: InvoiceStatus, reason: string | null): Promise<InvoiceRow> {
    await tx.$executeRaw`
      UPDATE co_financing_invoice SET status = ${status}, dispute_reason = COALESCE(${reason}, dispute_reason),
        settled_at = now(), revision = revision + 1
      WHERE id = ${id}::uuid`;
    return (await this.find(id, tx)) as InvoiceRow;
  }
}
