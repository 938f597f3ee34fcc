import { z } from 'zod';
import { TOPICS } from '../topics';
import { defineEvent } from './event-definition';
import {
  ageGroup,
  citizenPseudonym,
  instant,
  isoDate,
  level,
  municipalityCode,
  orgCode,
  orgType,
  targetGroupCode,
  uuid,
} from './common.schema';

/**
 * Events of the knowledge service (vidensmiljøer, rådgivningssager, visitationsretningslinjer), the only producer
 * on `knowledge.advice.v1` and `knowledge.guideline.v1`. Advice cases carry the citizen's pseudonym, never a CPR
 * number.
 */
const type = (name: string) => `dk.social.knowledge.${name}.v1`;

/** An offer type (tilbudstype) by code, e.g. an FFB code or a platform code such as `SECURE_INSTITUTION`. */
const offerType = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/, 'offer type code');

/** How an advice case was assigned (rule 3): the citizen's region, the nearest region holding one, else national. */
export const ASSIGNMENT_KINDS = ['OWN_REGION', 'NEAREST_REGION', 'NATIONAL'] as const;

/** Where an advice case lies: an advisory function (rådgivningsfunktion) of an offer, or the national function. */
const assignment = z.strictObject({
  kind: z.enum(ASSIGNMENT_KINDS),
  /** The advisory function in knowledge's roster; null for the national function when no offer holds it. */
  advisoryFunctionId: uuid.nullable(),
  /** Specialty planning's id of the function approval, when knowledge learnt it from FunctionApproved. */
  functionId: uuid.nullable(),
  /** The offer holding the function (its knowledge environment, vidensmiljø); null for the national function. */
  offerId: uuid.nullable(),
  /** The region the function lies in on the case's date; null for the national function. */
  regionCode: orgCode.nullable(),
  advisorOrgType: orgType,
  advisorOrgCode: orgCode,
});

const caseRef = {
  adviceCaseId: uuid,
  /** The referral the case advises on; null for a case in doubt opened by a municipality without one. */
  referralId: uuid.nullable(),
  municipalityCode,
};

/** Advice given by an advisory function (rådgivningsfunktion) on a referral's advice case. */
export const AdviceGiven = defineEvent(
  'dk.social.knowledge.advice.given.v1',
  TOPICS.advice,
  z.strictObject({
    adviceCaseId: uuid,
    referralId: uuid,
    municipalityCode,
    advisorOrgCode: orgCode,
    level,
    offerId: uuid,
    rationale: z.string().min(1).max(4000),
    givenAt: instant,
    /** The offer type recommended besides the offer (anbefalet tilbudstype). */
    offerType: offerType.optional(),
    /** The guideline version the advice rests on (visitationsretningslinje), when one was cited. */
    guidelineVersionId: uuid.optional(),
    guidelineId: uuid.optional(),
    guidelineVersion: z.number().int().positive().optional(),
    targetGroup: targetGroupCode.optional(),
    /** Given by the case's deadline (working days, knowledge's rule set). */
    onTime: z.boolean().optional(),
  }),
);

/** An advice case (rådgivningssag) was opened: from a referral needing advice, or by a municipality in doubt. */
export const AdviceCaseOpened = defineEvent(
  type('advice-case.opened'),
  TOPICS.advice,
  z.strictObject({
    ...caseRef,
    origin: z.enum(['REFERRAL', 'MUNICIPALITY']),
    citizenPseudonym: citizenPseudonym.nullable(),
    targetGroup: targetGroupCode,
    ageGroup: ageGroup.nullable(),
    assessedLevel: level.nullable(),
    openedAt: instant,
    /** The last working day of the deadline (svarfrist), and the instant it ends (Danish midnight). */
    dueDate: isoDate,
    dueAt: instant,
  }),
);

/** The case was assigned to an advisory function (or the national function) when it was opened. */
export const AdviceCaseAssigned = defineEvent(
  type('advice-case.assigned'),
  TOPICS.advice,
  z.strictObject({ ...caseRef, targetGroup: targetGroupCode, assignment, dueAt: instant }),
);

/** The case moved to another function: by an advisor with a reason, or after the assigned function declined. */
export const AdviceCaseReassigned = defineEvent(
  type('advice-case.reassigned'),
  TOPICS.advice,
  z.strictObject({
    ...caseRef,
    targetGroup: targetGroupCode,
    from: assignment,
    to: assignment,
    cause: z.enum(['REASSIGNED', 'DECLINED']),
    reason: z.string().min(1).max(2000),
  }),
);

/** The assigned function declined the case, with a reason; AdviceCaseReassigned names where it went. */
export const AdviceCaseDeclined = defineEvent(
  type('advice-case.declined'),
  TOPICS.advice,
  z.strictObject({ ...caseRef, declinedBy: assignment, reason: z.string().min(1).max(2000) }),
);

/** The case's deadline passed without advice (once per case). */
export const AdviceCaseOverdue = defineEvent(
  type('advice-case.overdue'),
  TOPICS.advice,
  z.strictObject({ ...caseRef, dueAt: instant, assignment }),
);

/**
 * Volume and competence of one advisory function in one year (øvelse gør mester), sent whenever one of its
 * numbers changes: the whole current state, so a consumer keeps the latest per function and year. Specialty
 * planning compares `citizensAdvised` with the minimum yearly volume for its volume flag.
 */
export const AdviceMetricsUpdated = defineEvent(
  type('metrics.updated'),
  TOPICS.advice,
  z.strictObject({
    advisoryFunctionId: uuid.nullable(),
    functionId: uuid.nullable(),
    offerId: uuid.nullable(),
    operatorOrgCode: orgCode,
    targetGroup: targetGroupCode,
    year: z.number().int().min(2000).max(2999),
    citizensAdvised: z.number().int().min(0),
    adviceGiven: z.number().int().min(0),
    adviceOnTime: z.number().int().min(0),
    adviceFollowed: z.number().int().min(0),
    adviceDeviatedFrom: z.number().int().min(0),
    minimumYearlyVolume: z.number().int().min(0).nullable(),
    belowMinimumVolume: z.boolean().nullable(),
  }),
);

export const GUIDELINE_KINDS = ['GUIDELINE', 'PATHWAY'] as const;

const guidelineRef = {
  guidelineId: uuid,
  versionId: uuid,
  version: z.number().int().positive(),
  kind: z.enum(GUIDELINE_KINDS),
  targetGroup: targetGroupCode,
};

/** A guideline version (visitationsretningslinje, forløbsbeskrivelse) was approved by the state and published. */
export const GuidelinePublished = defineEvent(
  type('guideline.published'),
  TOPICS.guideline,
  z.strictObject({
    ...guidelineRef,
    title: z.string().min(1).max(300),
    authorOrgCode: orgCode,
    publishedAt: instant,
    /** The version this one replaces (retired with it), if any. */
    supersedesVersion: z.number().int().positive().nullable(),
  }),
);

/** A published guideline version was retired: superseded by a newer one, or withdrawn with a reason. */
export const GuidelineRetired = defineEvent(
  type('guideline.retired'),
  TOPICS.guideline,
  z.strictObject({
    ...guidelineRef,
    cause: z.enum(['SUPERSEDED', 'WITHDRAWN']),
    reason: z.string().max(2000).nullable(),
    retiredAt: instant,
  }),
);

export const KNOWLEDGE_EVENTS = [
  AdviceGiven,
  AdviceCaseOpened,
  AdviceCaseAssigned,
  AdviceCaseReassigned,
  AdviceCaseDeclined,
  AdviceCaseOverdue,
  AdviceMetricsUpdated,
  GuidelinePublished,
  GuidelineRetired,
] as const;
