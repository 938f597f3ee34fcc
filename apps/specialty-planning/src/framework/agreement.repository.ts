import { Injectable } from '@nestjs/common';
import { PgDatabase, SqlTable } from '@platform/persistence';
import type { Tx } from '../database/prisma.service';
import type { FrameworkAgreement } from '../generated/prisma/client';
import type { AgreementStatus } from './domain/agreement-status';

export type AgreementRow = FrameworkAgreement;

const table = new SqlTable<AgreementRow>('framework_agreement', {
  id: 'id',
  frameworkAreaCode: 'framework_area_code',
  regionCode: 'region_code',
  municipalityCode: 'municipality_code',
  electionPeriod: 'election_period',
  status: 'status',
  version: 'version',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
});

/** Social and special-education agreements (framework_agreement); SQL on the request's pg transaction. */
@Injectable()
export class AgreementRepository {
  constructor(private readonly db: PgDatabase) {}

  /**
   * Inserts unless the area already has an agreement with the municipality for the period (the unique index
   * decides, so two concurrent requests cannot both win); null when it had.
   */
  async insertUnlessExists(tx: Tx, row: AgreementRow): Promise<AgreementRow | null> {
    const statement = table.insert(row);
    const { rows } = await tx.query<AgreementRow>({
      ...statement,
      text: statement.text.replace(' RETURNING ', ' ON CONFLICT DO NOTHING RETURNING '),
    });
    return rows[0] ?? null;
  }

  async find(
    areaCode: string,
    id: string,
    tx: Tx = this.db,
    lock: '' | 'FOR UPDATE' = '',
  ): Promise<AgreementRow | null> {
    const { rows } = await tx.query<AgreementRow>({
      text: `SELECT ${table.select} FROM framework_agreement WHERE id = $1 AND framework_area_code = $2 ${lock}`,
      values: [id, areaCode],
    });
    return rows[0] ?? null;
  }

  async updateStatus(tx: Tx, row: AgreementRow, status: AgreementStatus): Promise<AgreementRow> {
    const { rows } = await tx.query<AgreementRow>(
      table.update('id', row.id, { status, updatedAt: new Date() }, [
        `${table.column('version')} = ${table.column('version')} + 1`,
      ]),
    );
    return rows[0];
  }

  /** The area's agreements, newest period first, then by municipality. */
  async list(
    areaCode: string,
    filter: { electionPeriod?: string; municipalityCode?: string; status?: string },
  ): Promise<AgreementRow[]> {
    const { rows } = await this.db.query<AgreementRow>({
      text:
        `SELECT ${table.select} FROM framework_agreement WHERE framework_area_code = $1 ` +
        `AND ($2::text IS NULL OR election_period = $2) AND ($3::text IS NULL OR municipality_code = $3) ` +
        `AND ($4::text IS NULL OR status = $4) ORDER BY election_period DESC, municipality_code`,
      values: [
        areaCode,
        filter.electionPeriod ?? null,
        filter.municipalityCode ?? null,
        filter.status ?? null,
      ],
    });
    return rows;
  }
}
