import { Injectable } from '@nestjs/common';
import type { InstantCursor } from '@platform/http';
import { PgDatabase, SqlTable } from '@platform/persistence';
import type { Tx } from '../database/prisma.service';
import type { NeedsAnalysis, NeedsAnalysisLine } from '../generated/prisma/client';

export type AnalysisRow = NeedsAnalysis;
export type LineRow = NeedsAnalysisLine;
export type AnalysisWithLines = AnalysisRow & { lines: LineRow[] };

const analyses = new SqlTable<AnalysisRow>('needs_analysis', {
  id: 'id',
  frameworkAreaCode: 'framework_area_code',
  regionCode: 'region_code',
  periodFrom: 'period_from',
  periodTo: 'period_to',
  municipalityCodes: 'municipality_codes',
  createdAt: 'created_at',
});

const lines = new SqlTable<LineRow>('needs_analysis_line', {
  analysisId: 'analysis_id',
  targetGroup: 'target_group',
  referrals: 'referrals',
  waiting: 'waiting',
  capacityRejections: 'capacity_rejections',
  deviationsToLowerLevel: 'deviations_to_lower_level',
  averageDaysToPlacement: 'average_days_to_placement',
  places: 'places',
  occupied: 'occupied',
  gapId: 'gap_id',
  gapKinds: 'gap_kinds',
});

/** Needs analyses and their lines (needs_analysis, needs_analysis_line); written once, never changed. */
@Injectable()
export class NeedsAnalysisRepository {
  constructor(private readonly db: PgDatabase) {}

  async insert(tx: Tx, analysis: AnalysisRow, rows: LineRow[]): Promise<AnalysisWithLines> {
    const { rows: saved } = await tx.query<AnalysisRow>(analyses.insert(analysis));
    const savedLines: LineRow[] = [];
    for (const line of rows) savedLines.push((await tx.query<LineRow>(lines.insert(line))).rows[0]);
    return { ...saved[0], lines: savedLines };
  }

  async find(id: string): Promise<AnalysisWithLines | null> {
    const { rows } = await this.db.query<AnalysisRow>(analyses.find('id', id));
    if (!rows[0]) return null;
    return { ...rows[0], lines: (await this.linesOf([id])).get(id) ?? [] };
  }

  /** Newest first, of one area or all, after the cursor. */
  async list(
    areaCode: string | undefined,
    limit: number,
    after?: InstantCursor,
  ): Promise<AnalysisWithLines[]> {
    const { rows } = await this.db.query<AnalysisRow>({
      text:
        `SELECT ${analyses.select} FROM needs_analysis WHERE ($1::text IS NULL OR framework_area_code = $1) ` +
        `AND ($2::timestamptz IS NULL OR (created_at, id) < ($2::timestamptz, $3::uuid)) ` +
        `ORDER BY created_at DESC, id DESC LIMIT $4`,
      values: [areaCode ?? null, after?.at ?? null, after?.id ?? null, limit],
    });
    const byAnalysis = await this.linesOf(rows.map((r) => r.id));
    return rows.map((r) => ({ ...r, lines: byAnalysis.get(r.id) ?? [] }));
  }

  private async linesOf(ids: string[]): Promise<Map<string, LineRow[]>> {
    const result = new Map<string, LineRow[]>();
    if (ids.length === 0) return result;
    const { rows } = await this.db.query<LineRow>({
      text: `SELECT ${lines.select} FROM needs_analysis_line WHERE analysis_id = ANY($1::uuid[]) ORDER BY target_group`,
      values: [ids],
    });
    for (const row of rows) result.set(row.analysisId, [...(result.get(row.analysisId) ?? []), row]);
    return result;
  }
}
