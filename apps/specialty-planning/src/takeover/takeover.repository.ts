import { Injectable } from '@nestjs/common';
import type { Principal } from '@platform/auth';
import type { InstantCursor } from '@platform/http';
import { PgDatabase, SqlTable } from '@platform/persistence';
import type { Tx } from '../database/prisma.service';
import type { TakeoverRequest } from '../generated/prisma/client';

export type TakeoverRow = TakeoverRequest;

const table = new SqlTable<TakeoverRow>('takeover_request', {
  id: 'id',
  municipalityCode: 'municipality_code',
  offerId: 'offer_id',
  offerOperatorOrgType: 'offer_operator_org_type',
  offerOperatorOrgCode: 'offer_operator_org_code',
  note: 'note',
  status: 'status',
  reason: 'reason',
  legalBasis: 'legal_basis',
  requestedAt: 'requested_at',
  decidedAt: 'decided_at',
});

/**
 * Whose requests a caller sees: a municipality its own, a region those for its offers, the state all. As SQL
 * parameters, so every read filters in the query, never afterwards.
 */
function scopeOf(principal: Principal) {
  return {
    municipality: principal.orgType === 'municipality' ? principal.orgCode : null,
    operator: principal.orgType === 'region' ? principal.orgCode : null,
  };
}

/** Takeover requests (takeover_request); SQL on the request's pg transaction. */
@Injectable()
export class TakeoverRepository {
  constructor(private readonly db: PgDatabase) {}

  async insert(tx: Tx, row: TakeoverRow): Promise<TakeoverRow> {
    const { rows } = await tx.query<TakeoverRow>(table.insert(row));
    return rows[0];
  }

  async findInScope(id: string, principal: Principal): Promise<TakeoverRow | null> {
    const { municipality, operator } = scopeOf(principal);
    const { rows: found } = await this.db.query<TakeoverRow>({
      text:
        `SELECT ${table.select} FROM takeover_request WHERE id = $1 ` +
        `AND ($2::text IS NULL OR municipality_code = $2) AND ($3::text IS NULL OR offer_operator_org_code = $3)`,
      values: [id, municipality, operator],
    });
    return found[0] ?? null;
  }

  /** Newest first, after the cursor, `limit` rows. */
  async list(
    principal: Principal,
    filter: { offerId?: string },
    limit: number,
    after?: InstantCursor,
  ): Promise<TakeoverRow[]> {
    const { municipality, operator } = scopeOf(principal);
    const { rows } = await this.db.query<TakeoverRow>({
      text:
        `SELECT ${table.select} FROM takeover_request ` +
        `WHERE ($1::text IS NULL OR municipality_code = $1) AND ($2::text IS NULL OR offer_operator_org_code = $2) ` +
        `AND ($3::uuid IS NULL OR offer_id = $3) ` +
        `AND ($4::timestamptz IS NULL OR (requested_at, id) < ($4::timestamptz, $5::uuid)) ` +
        `ORDER BY requested_at DESC, id DESC LIMIT $6`,
      values: [municipality, operator, filter.offerId ?? null, after?.at ?? null, after?.id ?? null, limit],
    });
    return rows;
  }
}
