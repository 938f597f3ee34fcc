import { RESPONSIBILITIES, TARGET_GROUP_CODES, type TargetGroup } from '@platform/domain';
import { isoDateView, isoInstantView, namedSchema, uuidView } from '@platform/http';
import { z } from 'zod';
import type { TimelineStep } from './domain/responsibility-timeline';
import type { ResponsibilityChangeRow } from './responsibility.repository';

const responsibility = z.enum(RESPONSIBILITIES);

/** A target group (målgruppe) with its responsibility on the date asked about and its whole timeline. */
export const targetGroupViewSchema = namedSchema(
  'TargetGroupView',
  z.object({
    code: z.enum(TARGET_GROUP_CODES),
    ffbCode: z.string().nullable().meta({ description: 'KL FFB concept (UUID), where one matches' }),
    nameDa: z.string(),
    nameEn: z.string(),
    on: isoDateView.meta({ description: 'The date `responsibility` is given for' }),
    responsibility,
    timeline: z.array(
      z.object({
        responsibility,
        effectiveFrom: isoDateView,
        recordedAt: isoInstantView,
        corrected: z
          .boolean()
          .meta({ description: 'Replaced by a later change with the same effective date' }),
      }),
    ),
  }),
);

export const targetGroupListSchema = namedSchema(
  'TargetGroupList',
  z.object({ items: z.array(targetGroupViewSchema) }),
);

/** One recorded change of responsibility. */
export const responsibilityChangeViewSchema = namedSchema(
  'ResponsibilityChangeView',
  z.object({
    id: uuidView,
    targetGroup: z.enum(TARGET_GROUP_CODES),
    responsibility,
    effectiveFrom: isoDateView,
    recordedAt: isoInstantView,
  }),
);

export type TargetGroupView = z.infer<typeof targetGroupViewSchema>;
export type ResponsibilityChangeView = z.infer<typeof responsibilityChangeViewSchema>;

export function toTargetGroupView(
  group: TargetGroup,
  on: string,
  state: { responsibility: TargetGroupView['responsibility']; timeline: TimelineStep[] },
): TargetGroupView {
  return {
    code: group.code,
    ffbCode: group.ffbCode ?? null,
    nameDa: group.nameDa,
    nameEn: group.nameEn,
    on,
    responsibility: state.responsibility,
    timeline: state.timeline.map((s) => ({ ...s, recordedAt: s.recordedAt.toISOString() })),
  };
}

export function toChangeView(row: ResponsibilityChangeRow): ResponsibilityChangeView {
  return {
    id: row.id,
    targetGroup: row.targetGroup as ResponsibilityChangeView['targetGroup'],
    responsibility: row.responsibility as ResponsibilityChangeView['responsibility'],
    effectiveFrom: row.effectiveFrom.toISOString().slice(0, 10),
    recordedAt: row.recordedAt.toISOString(),
  };
}

export const TARGET_GROUP_EXAMPLE: TargetGroupView = {
  code: 'VISION',
  ffbCode: '615310e8-f702-4455-910b-9d6d8aa684fb',
  nameDa: 'Synsnedsættelse',
  nameEn: 'Vision impairment',
  on: '2026-11-26',
  responsibility: 'REGIONAL',
  timeline: [
    {
      responsibility: 'REGIONAL',
      effectiveFrom: '2026-01-01',
      recordedAt: '2025-10-01T09:00:00.000Z',
      corrected: false,
    },
  ],
};
