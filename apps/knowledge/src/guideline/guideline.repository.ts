import { Injectable } from '@nestjs/common';
import { PgDatabase, SqlTable } from '@platform/persistence';
import type { Tx } from '../database/prisma.service';
import type { Guideline, GuidelineVersion } from '../generated/prisma/client';

export type GuidelineRow = Guideline;
export type VersionRow = GuidelineVersion;
export type VersionChanges = Partial<Omit<VersionRow, 'id' | 'guidelineId' | 'number' | 'createdAt'>>;

/** A guideline with its versions, oldest first. */
export interface GuidelineAggregate {
  guideline: GuidelineRow;
  versions: VersionRow[];
}

export interface SearchHit {
  guidelineId: string;
  versionId: string;
  number: number;
  kind: string;
  targetGroup: string;
  title: string;
  snippet: string;
  rank: number;
}

const guideline = new SqlTable<GuidelineRow>('guideline', {
  id: 'id',
  kind: 'kind',
  targetGroup: 'target_group',
  authorOrgType: 'author_org_type',
  authorOrgCode: 'author_org_code',
  revision: 'revision',
  createdBy: 'created_by',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
});

const version = new SqlTable<VersionRow>('guideline_version', {
  id: 'id',
  guidelineId: 'guideline_id',
  number: 'number',
  title: 'title',
  body: 'body',
  changeNote: 'change_note',
  status: 'status',
  createdBy: 'created_by',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  publishedAt: 'published_at',
  approvedBy: 'approved_by',
  retiredAt: 'retired_at',
  retireCause: 'retire_cause',
  retireReason: 'retire_reason',
});

/** Guidelines and their versions; full-text search over published versions (PostgreSQL, 'danish'). */
@Injectable()
export class GuidelineRepository {
  constructor(private readonly db: PgDatabase) {}

  async insert(tx: Tx, row: Omit<GuidelineRow, 'revision'>, first: VersionRow): Promise<GuidelineAggregate> {
    const { rows } = await tx.query<GuidelineRow>(guideline.insert(row));
    await this.insertVersion(tx, first);
    return { guideline: rows[0], versions: await this.versions(tx, rows[0].id) };
  }

  async insertVersion(tx: Tx, row: VersionRow): Promise<void> {
    await tx.query(version.insert(row));
  }

  async updateVersion(tx: Tx, id: string, changes: VersionChanges): Promise<void> {
    await tx.query(version.update('id', id, { ...changes, updatedAt: new Date() }));
  }

  /** Bumps the revision (the ETag) after any change to the guideline or one of its versions. */
  async touch(tx: Tx, row: GuidelineRow): Promise<GuidelineAggregate> {
    const { rows } = await tx.query<GuidelineRow>(
      guideline.update('id', row.id, { updatedAt: new Date() }, [
        `${guideline.column('revision')} = ${guideline.column('revision')} + 1`,
      ]),
    );
    return { guideline: rows[0], versions: await this.versions(tx, row.id) };
  }

  async find(id: string, tx: Tx = this.db, lock: '' | 'FOR UPDATE' = ''): Promise<GuidelineAggregate | null> {
    const { rows } = await tx.query<GuidelineRow>(guideline.find('id', id, lock));
    if (!rows[0]) return null;
    return { guideline: rows[0], versions: await this.versions(tx, id) };
  }

  async versions(tx: Tx, guidelineId: string): Promise<VersionRow[]> {
    const { rows } = await tx.query<VersionRow>({
      text: `SELECT ${version.select} FROM guideline_version WHERE guideline_id = $1 ORDER BY number`,
      values: [guidelineId],
    });
    return rows;
  }

  async list(filter: { targetGroup?: string; kind?: string }, limit: number): Promise<GuidelineAggregate[]> {
    const where: string[] = [];
    const values: unknown[] = [];
    if (filter.targetGroup) where.push(`target_group = $${values.push(filter.targetGroup)}`);
    if (filter.kind) where.push(`kind = $${values.push(filter.kind)}`);
    const { rows } = await this.db.query<GuidelineRow>({
      text: `SELECT ${guideline.select} FROM guideline ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
             ORDER BY created_at DESC, id DESC LIMIT ${Number(limit)}`,
      values,
    });
    return Promise.all(
      rows.map(async (g) => ({ guideline: g, versions: await this.versions(this.db, g.id) })),
    );
  }

  /** A published version of a guideline for the target group: what advice may cite. */
  async findCitable(versionId: string, targetGroup: string, tx: Tx = this.db) {
    const rows = await tx.$queryRaw<{ versionId: string; guidelineId: string; number: number }[]>`
      SELECT v.id AS "versionId", v.guideline_id AS "guidelineId", v.number
      FROM guideline_version v JOIN guideline g ON g.id = v.guideline_id
      WHERE v.id = ${versionId}::uuid AND v.status = 'PUBLISHED' AND g.target_group = ${targetGroup}`;
    return rows[0] ?? null;
  }

  /**
   * Published versions matching a query in the 'danish' configuration (websearch syntax: words, "phrases", -not,
   * or), best first: Danish stemming makes "børn" find "børnene" and "alvorlig" find "alvorlige".
   */
  async search(
    query: string,
    filter: { targetGroup?: string; kind?: string },
    limit: number,
  ): Promise<SearchHit[]> {
    const values: unknown[] = [query];
    const where = [`v.status = 'PUBLISHED'`, 'v.search_vector @@ q'];
    if (filter.targetGroup) where.push(`g.target_group = $${values.push(filter.targetGroup)}`);
    if (filter.kind) where.push(`g.kind = $${values.push(filter.kind)}`);
    const { rows } = await this.db.query<SearchHit>({
      text: `
        SELECT g.id AS "guidelineId", v.id AS "versionId", v.number, g.kind, g.target_group AS "targetGroup",
               v.title, ts_headline('danish', v.body, q, 'MaxWords=30, MinWords=10, MaxFragments=1') AS snippet,
               ts_rank(v.search_vector, q)::float8 AS rank
        FROM guideline_version v JOIN guideline g ON g.id = v.guideline_id,
             websearch_to_tsquery('danish', $1) q
        WHERE ${where.join(' AND ')}
        ORDER BY rank DESC, v.published_at DESC
        LIMIT ${Number(limit)}`,
      values,
    });
    return rows;
  }
}
