import { Injectable } from '@nestjs/common';
import { AuditTrail, type Principal } from '@platform/auth';
import { NeedsAnalysisGap } from '@platform/contracts';
import {
  findFrameworkArea,
  municipalitiesOfFrameworkAreaDuring,
  TARGET_GROUP_CODES,
  todayInDenmark,
  type FrameworkArea,
} from '@platform/domain';
import { decodeInstantCursor, encodeInstantCursor, pageOf, ProblemException } from '@platform/http';
import { CommandRunner } from '@platform/kit';
import { event, type PendingEvent } from '@platform/messaging';
import { dateOf } from '@platform/persistence';
import { randomUUID } from 'node:crypto';
import { ActivityRepository } from '../activity/activity.repository';
import type { Tx } from '../database/prisma.service';
import { governs } from '../framework/domain/framework-access';
import { OfferDirectory } from '../offer/offer-directory';
import { assertAnalysisPeriod } from './domain/analysis-period';
import { needsLines, type NeedsLine, type TargetGroupSupply } from './domain/gap-rules';
import type { CreateNeedsAnalysisInput, ListNeedsAnalysesQuery } from './dto/needs-analysis.dto';
import { NeedsAnalysisRepository, type AnalysisWithLines, type LineRow } from './needs-analysis.repository';

/**
 * Needs analyses (behovsanalyser, rule 10): demand from the area's municipalities in a period, per target group,
 * against the places of the area's offers, with the gaps named; each gap an event a region can build a
 * risk-capital application on.
 */
@Injectable()
export class NeedsAnalysisService {
  constructor(
    private readonly runner: CommandRunner,
    private readonly activity: ActivityRepository,
    private readonly offers: OfferDirectory,
    private readonly repository: NeedsAnalysisRepository,
    private readonly audit: AuditTrail,
  ) {}

  async analyse(principal: Principal, input: CreateNeedsAnalysisInput, requestId?: string) {
    const area = areaOfBody(input.frameworkAreaCode);
    await this.assertGoverns(principal, area, requestId);
    assertAnalysisPeriod(area, input.from, input.to, todayInDenmark());
    const municipalityCodes = municipalitiesOfFrameworkAreaDuring(area.code, input.from, input.to).map(
      (m) => m.code,
    );
    return this.runner.record({
      principal,
      requestId,
      action: 'needs-analysis.create',
      purpose: 'planning',
      write: async (tx: Tx) => {
        const lines = await this.compute(tx, municipalityCodes, input.from, input.to);
        const id = randomUUID();
        const analysis = await this.repository.insert(
          tx,
          {
            id,
            frameworkAreaCode: area.code,
            regionCode: area.regionCode,
            periodFrom: dateOf(input.from),
            periodTo: dateOf(input.to),
            municipalityCodes,
            createdAt: new Date(),
          },
          lines.map((line) => toLineRow(id, line)),
        );
        const resource = { type: 'needs-analysis', id };
        return { saved: analysis, resource, events: gapEvents(area, analysis, input) };
      },
    });
  }

  async get(id: string): Promise<AnalysisWithLines> {
    const row = await this.repository.find(id);
    if (!row) throw ProblemException.notFound(`needs analysis ${id}`);
    return row;
  }

  async list(query: ListNeedsAnalysesQuery) {
    let areaCode: string | undefined;
    if (query.frameworkAreaCode !== undefined) {
      areaCode = findFrameworkArea(query.frameworkAreaCode)?.code;
      if (!areaCode) {
        throw ProblemException.validation([
          { pointer: 'query:frameworkAreaCode', detail: 'unknown framework area' },
        ]);
      }
    }
    const after = query.cursor ? decodeInstantCursor(query.cursor) : undefined;
    const rows = await this.repository.list(areaCode, query.limit + 1, after);
    return pageOf(rows, query.limit, (r) => encodeInstantCursor({ at: r.createdAt, id: r.id }));
  }

  /** Demand, places and occupancy read in the analysis's transaction, so what is stored is one consistent view. */
  private async compute(tx: Tx, municipalityCodes: string[], from: string, to: string): Promise<NeedsLine[]> {
    const demand = await this.activity.demand(municipalityCodes, from, to, tx);
    const places = await this.offers.placesIn(municipalityCodes, tx);
    const occupancy = await this.activity.occupancy([...new Set(places.flatMap((p) => p.offerIds))], tx);
    const supply = new Map<string, TargetGroupSupply>(
      places.map((p) => [
        p.targetGroup,
        { places: p.places, occupied: p.offerIds.reduce((sum, id) => sum + (occupancy.get(id) ?? 0), 0) },
      ]),
    );
    return needsLines(TARGET_GROUP_CODES, demand, supply);
  }

  private async assertGoverns(principal: Principal, area: FrameworkArea, requestId?: string): Promise<void> {
    if (governs(principal, area)) return;
    await this.audit.denied(principal, {
      action: 'needs-analysis.create',
      resource: { type: 'framework-area', id: area.code },
      requestId,
    });
    throw ProblemException.forbidden(
      `only region ${area.regionCode} and the state analyse framework area ${area.code}`,
    );
  }
}

function areaOfBody(code: string): FrameworkArea {
  const area = findFrameworkArea(code);
  if (!area) {
    throw ProblemException.validation([
      { pointer: '/frameworkAreaCode', detail: 'unknown framework area (RA-1082, or the region code 1082)' },
    ]);
  }
  return area;
}

function toLineRow(analysisId: string, line: NeedsLine): LineRow {
  return {
    analysisId,
    targetGroup: line.targetGroup,
    referrals: line.referrals,
    waiting: line.waiting,
    capacityRejections: line.capacityRejections,
    deviationsToLowerLevel: line.deviationsToLowerLevel,
    averageDaysToPlacement: line.averageDaysToPlacement,
    places: line.places,
    occupied: line.occupied,
    gapId: line.gapKinds.length > 0 ? randomUUID() : null,
    gapKinds: line.gapKinds,
  };
}

/** One NeedsAnalysisGap per target group with a gap, keyed by the gap (its subject). */
function gapEvents(
  area: FrameworkArea,
  analysis: AnalysisWithLines,
  input: CreateNeedsAnalysisInput,
): PendingEvent[] {
  return analysis.lines.flatMap((line) =>
    line.gapId
      ? [
          event(
            NeedsAnalysisGap,
            {
              analysisId: analysis.id,
              gapId: line.gapId,
              frameworkAreaCode: area.code,
              regionCode: area.regionCode,
              targetGroup: line.targetGroup as (typeof TARGET_GROUP_CODES)[number],
              periodFrom: input.from,
              periodTo: input.to,
              kinds: line.gapKinds as NeedsLine['gapKinds'],
              referrals: line.referrals,
              capacityRejections: line.capacityRejections,
              waiting: line.waiting,
              deviationsToLowerLevel: line.deviationsToLowerLevel,
              places: line.places,
              occupied: line.occupied,
            },
            line.gapId,
          ),
        ]
      : [],
  );
}
