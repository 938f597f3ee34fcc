import { FUNCTION_TYPES } from '@platform/contracts';
import { isoDateView, isoInstantView, namedSchema, uuidView, withEtag } from '@platform/http';
import { versionEtag } from '@platform/kit';
import { dayOf } from '@platform/persistence';
import type { Response } from 'express';
import { z } from 'zod';
import { targetGroupView, toTargetGroupView } from '../common/api-fields';
import {
  PLAN_PHASES,
  PLAN_STATUSES,
  planPhaseOn,
  type ApprovedVersion,
  type PlanStatus,
} from './domain/plan-version';
import type { EntryRow, PlanRow, PlanWithEntries } from './plan.repository';

export const planEntryViewSchema = namedSchema(
  'SpecialtyPlanEntryView',
  z.object({
    targetGroup: targetGroupView,
    functionType: z.enum(FUNCTION_TYPES),
    offerId: uuidView,
    validFrom: isoDateView,
    validTo: isoDateView.meta({ description: 'The last day of validity (inclusive)' }),
    minimumYearlyVolume: z.number().int(),
  }),
);

const planFields = {
  id: uuidView,
  version: z.number().int().meta({ description: 'The version number of the plan (1, 2, …)' }),
  title: z.string(),
  status: z.enum(PLAN_STATUSES).meta({ description: 'DRAFT, CONSULTATION (i høring) or APPROVED' }),
  phase: z.enum(PLAN_PHASES).meta({
    description:
      'On the day asked for (today by default): the status, or for an approved version APPROVED (not yet in ' +
      'force), EFFECTIVE (in force) or SUPERSEDED (a later approved version took over)',
  }),
  effectiveFrom: isoDateView,
  consultationAt: isoInstantView.nullable(),
  approvedAt: isoInstantView.nullable(),
  createdAt: isoInstantView,
};

/** A version of the national specialty plan (specialeplan), with its entries. */
export const planViewSchema = namedSchema(
  'SpecialtyPlanView',
  z.object({ ...planFields, entries: z.array(planEntryViewSchema) }),
);
export type PlanView = z.infer<typeof planViewSchema>;

/** A version in a list: its entries counted, not listed. */
export const planSummarySchema = namedSchema(
  'SpecialtyPlanSummary',
  z.object({ ...planFields, entryCount: z.number().int() }),
);
export type PlanSummary = z.infer<typeof planSummarySchema>;

export const planPageSchema = namedSchema(
  'SpecialtyPlanPage',
  z.object({ items: z.array(planSummarySchema), nextCursor: z.string().nullable() }),
);

/** Optimistic concurrency on the version's row counter, not on its plan version number. */
export const planEtag = (row: PlanRow) => versionEtag(row.version);

function fields(row: PlanRow, approved: readonly ApprovedVersion[], on: string) {
  const effectiveFrom = dayOf(row.effectiveFrom);
  const status = row.status as PlanStatus;
  return {
    id: row.id,
    version: row.number,
    title: row.title,
    status,
    phase: planPhaseOn({ id: row.id, number: row.number, effectiveFrom, status }, approved, on),
    effectiveFrom,
    consultationAt: row.consultationAt?.toISOString() ?? null,
    approvedAt: row.approvedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toEntryView(row: EntryRow): z.infer<typeof planEntryViewSchema> {
  return {
    targetGroup: toTargetGroupView(row.targetGroup),
    functionType: row.functionType as PlanView['entries'][number]['functionType'],
    offerId: row.offerId,
    validFrom: dayOf(row.validFrom),
    validTo: dayOf(row.validTo),
    minimumYearlyVolume: row.minimumYearlyVolume,
  };
}

export function toPlanView(
  { plan, entries }: PlanWithEntries,
  approved: readonly ApprovedVersion[],
  on: string,
): PlanView {
  return { ...fields(plan, approved, on), entries: entries.map(toEntryView) };
}

export function toPlanSummary(
  row: PlanRow,
  entryCount: number,
  approved: readonly ApprovedVersion[],
  on: string,
): PlanSummary {
  return { ...fields(row, approved, on), entryCount };
}

/** One plan version in a response: its ETag set, so the next command can send If-Match. */
export function planResponse(
  res: Response,
  plan: PlanWithEntries,
  approved: readonly ApprovedVersion[],
  on: string,
): PlanView {
  return withEtag(res, planEtag(plan.plan), toPlanView(plan, approved, on));
}

export const PLAN_ENTRY_EXAMPLE = {
  targetGroup: 'VISION',
  functionType: 'SPECIAL_FUNCTION',
  offerId: '7d4e2f1a-8b9c-4d0e-a1f2-3b4c5d6e7f80',
  validFrom: '2026-01-01',
  validTo: '2030-12-31',
  minimumYearlyVolume: 30,
};

export const CREATE_PLAN_EXAMPLE = {
  title: 'Specialeplan 2026',
  effectiveFrom: '2026-01-01',
  entries: [PLAN_ENTRY_EXAMPLE, { ...PLAN_ENTRY_EXAMPLE, functionType: 'ADVISORY_FUNCTION' }],
};

const exampleFields = {
  id: '0b9f8e7d-6c5b-4a39-8281-7f6e5d4c3b2a',
  version: 1,
  title: 'Specialeplan 2026',
  status: 'DRAFT' as const,
  phase: 'DRAFT' as const,
  effectiveFrom: '2026-01-01',
  consultationAt: null,
  approvedAt: null,
  createdAt: '2025-09-01T08:00:00.000Z',
};

export const PLAN_VIEW_EXAMPLE: PlanView = {
  ...exampleFields,
  entries: CREATE_PLAN_EXAMPLE.entries.map((e) => ({
    ...e,
    targetGroup: { code: 'VISION', ffbCode: '615310e8-f702-4455-910b-9d6d8aa684fb' },
    functionType: e.functionType as 'SPECIAL_FUNCTION',
  })),
};

export const PLAN_SUMMARY_EXAMPLE: PlanSummary = { ...exampleFields, entryCount: 2 };
