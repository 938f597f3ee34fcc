import { GAP_KINDS } from '@platform/contracts';
import { TARGET_GROUP_CODES } from '@platform/domain';
import { isoDateView, isoInstantView, namedSchema, uuidView } from '@platform/http';
import { dayOf } from '@platform/persistence';
import { z } from 'zod';
import type { GapKind } from './domain/gap-rules';
import type { AnalysisWithLines, LineRow } from './needs-analysis.repository';

const count = z.number().int().min(0);

/** One target group of an analysis: demand against places, and its gap (with the id financing refers to). */
const lineSchema = z.object({
  targetGroup: z.enum(TARGET_GROUP_CODES),
  demand: z.object({
    referrals: count,
    waiting: count.meta({ description: 'Referred and not placed (nor withdrawn) at the end of the period' }),
    capacityRejections: count.meta({ description: 'Referrals turned away by a full offer (NO_CAPACITY)' }),
    deviationsToLowerLevel: count.meta({ description: 'Decisions at a lower level than advised' }),
    averageDaysToPlacement: z.number().int().nullable(),
  }),
  supply: z.object({
    places: count.meta({ description: "Places of the area's active offers for the group, when analysed" }),
    occupied: count,
    freePlaces: count,
  }),
  gap: z
    .object({ id: uuidView, kinds: z.array(z.enum(GAP_KINDS)).min(1) })
    .nullable()
    .meta({ description: 'Null when demand is met; otherwise the rules that found the gap' }),
});

/** A needs analysis (behovsanalyse) of a framework-agreement area over a period. Counts only. */
export const needsAnalysisViewSchema = namedSchema(
  'NeedsAnalysisView',
  z.object({
    id: uuidView,
    frameworkAreaCode: z.string().meta({ example: 'RA-1082' }),
    regionCode: z.string().meta({ example: '1082' }),
    from: isoDateView,
    to: isoDateView,
    municipalityCodes: z.array(z.string()),
    createdAt: isoInstantView,
    targetGroups: z.array(lineSchema),
    gapCount: count,
  }),
);

export const needsAnalysisPageSchema = namedSchema(
  'NeedsAnalysisPage',
  z.object({ items: z.array(needsAnalysisViewSchema), nextCursor: z.string().nullable() }),
);

export type NeedsAnalysisView = z.infer<typeof needsAnalysisViewSchema>;
type LineView = z.infer<typeof lineSchema>;

function toLineView(line: LineRow): LineView {
  return {
    targetGroup: line.targetGroup as LineView['targetGroup'],
    demand: {
      referrals: line.referrals,
      waiting: line.waiting,
      capacityRejections: line.capacityRejections,
      deviationsToLowerLevel: line.deviationsToLowerLevel,
      averageDaysToPlacement: line.averageDaysToPlacement,
    },
    supply: {
      places: line.places,
      occupied: line.occupied,
      freePlaces: Math.max(line.places - line.occupied, 0),
    },
    gap: line.gapId ? { id: line.gapId, kinds: line.gapKinds as GapKind[] } : null,
  };
}

/** Lines in the order of libs/domain's target groups, however they were read. */
const orderOf = (group: string) => (TARGET_GROUP_CODES as readonly string[]).indexOf(group);
const byTargetGroupOrder = (a: LineRow, b: LineRow) => orderOf(a.targetGroup) - orderOf(b.targetGroup);

export function toNeedsAnalysisView(row: AnalysisWithLines): NeedsAnalysisView {
  return {
    id: row.id,
    frameworkAreaCode: row.frameworkAreaCode,
    regionCode: row.regionCode,
    from: dayOf(row.periodFrom),
    to: dayOf(row.periodTo),
    municipalityCodes: row.municipalityCodes,
    createdAt: row.createdAt.toISOString(),
    targetGroups: [...row.lines].sort(byTargetGroupOrder).map(toLineView),
    gapCount: row.lines.filter((l) => l.gapId).length,
  };
}

export const NEEDS_ANALYSIS_EXAMPLE: NeedsAnalysisView = {
  id: '2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091',
  frameworkAreaCode: 'RA-1082',
  regionCode: '1082',
  from: '2026-01-01',
  to: '2026-10-31',
  municipalityCodes: ['615', '657', '751'],
  createdAt: '2026-11-26T10:00:00.000Z',
  targetGroups: [
    {
      targetGroup: 'AUTISM',
      demand: {
        referrals: 14,
        waiting: 5,
        capacityRejections: 3,
        deviationsToLowerLevel: 1,
        averageDaysToPlacement: 62,
      },
      supply: { places: 12, occupied: 12, freePlaces: 0 },
      gap: {
        id: '7d8e9f00-1a2b-4c3d-8e4f-5a6b7c8d9e0f',
        kinds: ['CAPACITY_REJECTIONS', 'WAITING', 'DEVIATION_TO_LOWER_LEVEL'],
      },
    },
  ],
  gapCount: 1,
};
