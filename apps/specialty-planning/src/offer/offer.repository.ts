import { Injectable } from '@nestjs/common';
import { PgDatabase, SqlTable } from '@platform/persistence';
import { OccupancyHistory } from '../activity/occupancy-history.repository';
import type { Tx } from '../database/prisma.service';
import type { Offer } from '../generated/prisma/client';
import type { Operator } from './domain/offer';

/** A row of `offer`; the rate as pg returns a numeric (a decimal string), never a float. */
export type OfferRow = Omit<Offer, 'ratePerDay'> & { ratePerDay: string | null };
/** What a change may set; the version and updatedAt are the repository's. */
export type OfferChanges = Partial<Omit<OfferRow, 'id' | 'version' | 'createdAt' | 'updatedAt'>>;

const offer = new SqlTable<OfferRow>('offer', {
  id: 'id',
  version: 'version',
  name: 'name',
  operatorOrgType: 'operator_org_type',
  operatorOrgCode: 'operator_org_code',
  privateProviderCvr: 'private_provider_cvr',
  privateProviderName: 'private_provider_name',
  legalBases: 'legal_bases',
  targetGroups: 'target_groups',
  level: 'level',
  places: 'places',
  ratePerDay: 'rate_per_day',
  status: 'status',
  street: 'street',
  postalCode: 'postal_code',
  city: 'city',
  municipalityCode: 'municipality_code',
  parentOfferId: 'parent_offer_id',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
});

/** The write path of the offer directory: SQL on the request's pg transaction. */
@Injectable()
export class OfferRepository {
  constructor(
    private readonly db: PgDatabase,
    private readonly history: OccupancyHistory,
  ) {}

  /** Inserts the offer; its occupancy history starts today (no place taken yet). */
  async insert(tx: Tx, row: OfferRow): Promise<OfferRow> {
    const { rows } = await tx.query<OfferRow>(offer.insert(row));
    await this.history.record(tx, [rows[0].id]);
    return rows[0];
  }

  /** The offer locked for the rest of the transaction, if the operator runs it; null otherwise (404). */
  async lockOwn(tx: Tx, id: string, operator: Operator): Promise<OfferRow | null> {
    const { rows } = await tx.query<OfferRow>(offer.find('id', id, 'FOR UPDATE'));
    const row = rows[0];
    return row && row.operatorOrgType === operator.orgType && row.operatorOrgCode === operator.orgCode
      ? row
      : null;
  }

  /** Any operator's offer, locked: a parent named in a declaration is checked, then must not move meanwhile. */
  async lock(tx: Tx, id: string): Promise<OfferRow | null> {
    const { rows } = await tx.query<OfferRow>(offer.find('id', id, 'FOR UPDATE'));
    return rows[0] ?? null;
  }

  async find(id: string, tx: Tx = this.db): Promise<OfferRow | null> {
    const { rows } = await tx.query<OfferRow>(offer.find('id', id));
    return rows[0] ?? null;
  }

  /** The operator's offers, parents before their interventions (the order an import must create them in). */
  async ofOperator(operator: Operator, tx: Tx = this.db): Promise<OfferRow[]> {
    const { rows } = await tx.query<OfferRow>({
      text:
        `SELECT ${offer.select} FROM offer WHERE operator_org_type = $1 AND operator_org_code = $2 ` +
        `ORDER BY parent_offer_id IS NOT NULL, name, id`,
      values: [operator.orgType, operator.orgCode],
    });
    return rows;
  }

  /** The interventions declared under an offer, locked (their municipality follows the parent's address). */
  async lockInterventions(tx: Tx, parentId: string): Promise<OfferRow[]> {
    const { rows } = await tx.query<OfferRow>({
      text: `SELECT ${offer.select} FROM offer WHERE parent_offer_id = $1 ORDER BY id FOR UPDATE`,
      values: [parentId],
    });
    return rows;
  }

  /** Updates and bumps the version (the ETag); new places go into the occupancy history. */
  async update(tx: Tx, row: OfferRow, changes: OfferChanges): Promise<OfferRow> {
    const { rows } = await tx.query<OfferRow>(
      offer.update('id', row.id, { ...changes, updatedAt: new Date() }, [
        `${offer.column('version')} = ${offer.column('version')} + 1`,
      ]),
    );
    if (changes.places !== undefined) await this.history.record(tx, [row.id]);
    return rows[0];
  }
}
