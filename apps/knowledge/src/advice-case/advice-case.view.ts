import {
  ADVICE_REASONS,
  ASSIGNMENT_KINDS,
  type AdviceCaseAssigned,
  type EventData,
} from '@platform/contracts';
import { AGE_GROUPS, SPECIALISATION_LEVELS } from '@platform/domain';
import { isoDateView, isoInstantView, namedSchema, uuidView } from '@platform/http';
import { versionEtag } from '@platform/kit';
import { dayOf } from '@platform/persistence';
import { z } from 'zod';
import { countdown } from './domain/deadline';
import { ADVICE_CASE_STATUSES } from './domain/advice-case-lifecycle';
import type { AdviceCaseRow, AssignmentRow } from './advice-case.repository';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const level = z.enum(SPECIALISATION_LEVELS);

const assignmentSchema = z.object({
  kind: z.enum(ASSIGNMENT_KINDS).meta({ description: 'OWN_REGION, NEAREST_REGION or NATIONAL (rule 3)' }),
  advisoryFunctionId: uuidView.nullable().meta({ description: 'null: the national function (VISO)' }),
  functionId: uuidView.nullable().meta({ description: "Specialty planning's id of the approval" }),
  offerId: uuidView.nullable().meta({ description: 'The knowledge environment (its offer)' }),
  regionCode: z.string().nullable(),
  advisorOrgType: z.string(),
  advisorOrgCode: z.string(),
});

const historySchema = z.object({
  position: z.number().int(),
  kind: z.enum(ASSIGNMENT_KINDS),
  advisoryFunctionId: uuidView.nullable(),
  offerId: uuidView.nullable(),
  regionCode: z.string().nullable(),
  advisorOrgType: z.string(),
  advisorOrgCode: z.string(),
  cause: z.enum(['OPENED', 'REASSIGNED', 'DECLINED']),
  reason: z.string().nullable(),
  assignedAt: isoInstantView,
});

/**
 * An advice case as its readers see it: the citizen by pseudonym and age group only (never a CPR number), the
 * deadline with a countdown in working days, where it lies and how it got there, and the advice once given.
 */
export const adviceCaseViewSchema = namedSchema(
  'AdviceCaseView',
  z
    .object({
      id: uuidView,
      referralId: uuidView.nullable(),
      origin: z.enum(['REFERRAL', 'MUNICIPALITY']),
      status: z.enum(ADVICE_CASE_STATUSES),
      municipalityCode: z.string(),
      citizen: z.object({
        pseudonym: z
          .string()
          .nullable()
          .meta({ description: 'HMAC-SHA-256 of the CPR number (from referrals)' }),
        ageGroup: z.enum(AGE_GROUPS).nullable(),
      }),
      targetGroup: z.string(),
      assessedLevel: level.nullable(),
      reasons: z.array(z.enum(ADVICE_REASONS)),
      question: z.string().nullable().meta({ description: "The municipality's question (a case in doubt)" }),
      deadline: z.object({
        workingDays: z.number().int(),
        caseDate: isoDateView,
        dueDate: isoDateView.meta({ description: 'The last working day (svarfrist)' }),
        dueAt: isoInstantView,
        workingDaysLeft: z.number().int().meta({ description: 'After today (0: today is the last day)' }),
        overdue: z.boolean(),
        overdueAt: isoInstantView.nullable(),
      }),
      assignment: assignmentSchema,
      history: z.array(historySchema),
      advice: z
        .object({
          level,
          offerId: uuidView,
          offerType: z.string().nullable(),
          rationale: z.string(),
          guidelineVersionId: uuidView.nullable(),
          givenAt: isoInstantView,
          onTime: z.boolean(),
        })
        .nullable(),
      decision: z
        .object({
          followsAdvice: z.boolean().nullable(),
          deviation: z.boolean().nullable(),
          decidedAt: isoInstantView.nullable(),
        })
        .nullable()
        .meta({ description: "The referral's decision compared with the advice (rule 4), once known" }),
      version: z.number().int().meta({ description: 'Bumped on every change; the ETag is W/"<version>"' }),
      openedAt: isoInstantView,
      updatedAt: isoInstantView,
    })
    .meta({ description: 'An advice case (rådgivningssag)' }),
);

export const adviceCasePageSchema = namedSchema(
  'AdviceCasePage',
  z.object({ items: z.array(adviceCaseViewSchema), nextCursor: z.string().nullable() }),
);

export type AdviceCaseView = z.infer<typeof adviceCaseViewSchema>;
type Assignment = z.infer<typeof assignmentSchema>;

export const adviceCaseEtag = (row: AdviceCaseRow) => versionEtag(row.version);

/** The case's assignment as events and views name it. */
export function assignmentOf(row: AdviceCaseRow): EventData<typeof AdviceCaseAssigned>['assignment'] {
  return {
    kind: row.assignmentKind as Assignment['kind'],
    advisoryFunctionId: row.advisoryFunctionId,
    functionId: row.planningFunctionId,
    offerId: row.offerId,
    regionCode: row.regionCode,
    advisorOrgType: row.advisorOrgType as 'municipality' | 'region' | 'state',
    advisorOrgCode: row.advisorOrgCode,
  };
}

export function toAdviceCaseView(
  row: AdviceCaseRow,
  history: AssignmentRow[],
  now = new Date(),
): AdviceCaseView {
  const open = row.status === 'ASSIGNED';
  const left = countdown(
    { dueDate: dayOf(row.dueDate), dueAt: row.dueAt },
    open ? null : (row.adviceGivenAt ?? row.updatedAt),
    now,
  );
  return {
    id: row.id,
    referralId: row.referralId,
    origin: row.origin as AdviceCaseView['origin'],
    status: row.status as AdviceCaseView['status'],
    municipalityCode: row.municipalityCode,
    citizen: {
      pseudonym: row.citizenPseudonym,
      ageGroup: row.ageGroup as AdviceCaseView['citizen']['ageGroup'],
    },
    targetGroup: row.targetGroup,
    assessedLevel: row.assessedLevel as AdviceCaseView['assessedLevel'],
    reasons: row.reasons as AdviceCaseView['reasons'],
    question: row.question,
    deadline: {
      workingDays: row.workingDays,
      caseDate: dayOf(row.caseDate),
      dueDate: dayOf(row.dueDate),
      dueAt: row.dueAt.toISOString(),
      workingDaysLeft: left.workingDaysLeft,
      overdue: row.overdue || left.overdue,
      overdueAt: iso(row.overdueAt),
    },
    assignment: assignmentOf(row),
    history: history.map((h) => ({
      position: h.position,
      kind: h.kind as Assignment['kind'],
      advisoryFunctionId: h.advisoryFunctionId,
      offerId: h.offerId,
      regionCode: h.regionCode,
      advisorOrgType: h.advisorOrgType,
      advisorOrgCode: h.advisorOrgCode,
      cause: h.cause as AdviceCaseView['history'][number]['cause'],
      reason: h.reason,
      assignedAt: h.assignedAt.toISOString(),
    })),
    advice:
      row.adviceGivenAt && row.adviceLevel && row.adviceOfferId && row.adviceRationale
        ? {
            level: row.adviceLevel as AdviceCaseView['assessedLevel'] & string,
            offerId: row.adviceOfferId,
            offerType: row.adviceOfferType,
            rationale: row.adviceRationale,
            guidelineVersionId: row.adviceGuidelineVersionId,
            givenAt: row.adviceGivenAt.toISOString(),
            onTime: row.adviceOnTime ?? false,
          }
        : null,
    decision:
      row.followsAdvice !== null || row.deviation !== null
        ? { followsAdvice: row.followsAdvice, deviation: row.deviation, decidedAt: iso(row.decidedAt) }
        : null,
    version: row.version,
    openedAt: row.openedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
