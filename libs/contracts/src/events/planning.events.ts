import { z } from 'zod';
import { TOPICS } from '../topics';
import { defineEvent } from './event-definition';
import {
  isoDate,
  level,
  municipalityCode,
  orgCode,
  orgType,
  responsibility,
  targetGroupCode,
  uuid,
} from './common.schema';

/**
 * Events of specialty planning (specialeplanlægning), the only producer on `planning.offer.v1` and
 * `planning.plan.v1`. An offer event carries the offer's whole current state (event-carried state transfer), so a
 * consumer's read model is the latest event per offer.
 */
export const FUNCTION_TYPES = ['SPECIAL_FUNCTION', 'ADVISORY_FUNCTION'] as const;
export const functionType = z.enum(FUNCTION_TYPES);

/** An offer was registered (version 1) or changed (tilbud i Tilbudsportalen-rollen). */
export const OfferUpdated = defineEvent(
  'dk.social.planning.offer.updated.v1',
  TOPICS.offer,
  z.strictObject({
    offerId: uuid,
    /** Increases with every change; a consumer ignores an event older than what it holds. */
    version: z.number().int().positive(),
    name: z.string().min(1).max(200),
    operatorOrgType: orgType,
    operatorOrgCode: orgCode,
    level,
    targetGroups: z.array(targetGroupCode).min(1),
    /** Pladser: how many citizens the offer can hold at once. */
    places: z.number().int().min(0),
    active: z.boolean(),
    /** The municipality of the offer's address (of its parent's, for a location-less intervention). */
    municipalityCode: municipalityCode.optional(),
    /** Set for a location-less intervention (matrikelløs indsats): the offer whose address it works from. */
    parentOfferId: uuid.nullable().optional(),
  }),
);

/** The number of places of an offer changed (set by its operator; occupancy is the referrals service's). */
export const OfferPlacesChanged = defineEvent(
  'dk.social.planning.offer.places-changed.v1',
  TOPICS.offer,
  z.strictObject({
    offerId: uuid,
    operatorOrgCode: orgCode,
    previousPlaces: z.number().int().min(0),
    places: z.number().int().min(0),
    version: z.number().int().positive(),
  }),
);

/** A target group's responsibility (MUNICIPAL or REGIONAL) from an effective date (rule 2). */
export const ResponsibilityChanged = defineEvent(
  'dk.social.planning.responsibility.changed.v1',
  TOPICS.plan,
  z.strictObject({
    targetGroup: targetGroupCode,
    responsibility,
    effectiveFrom: isoDate,
    planVersion: z.number().int().positive().optional(),
  }),
);

/** The state approved a version of the national specialty plan (rule 1); it takes effect on `effectiveFrom`. */
export const PlanApproved = defineEvent(
  'dk.social.planning.plan.approved.v1',
  TOPICS.plan,
  z.strictObject({
    planId: uuid,
    version: z.number().int().positive(),
    effectiveFrom: isoDate,
    /** The version this one replaces from its effective date, if any. */
    supersedes: z.number().int().positive().nullable().optional(),
    entries: z.array(
      z.strictObject({
        targetGroup: targetGroupCode,
        functionType,
        offerId: uuid,
        validFrom: isoDate,
        validTo: isoDate,
        minimumYearlyVolume: z.number().int().min(0),
      }),
    ),
  }),
);

const functionRef = {
  offerId: uuid,
  operatorOrgCode: orgCode,
  targetGroup: targetGroupCode,
  functionType,
};

/** A function (specialfunktion or rådgivningsfunktion) was approved for an offer for a validity period. */
export const FunctionApproved = defineEvent(
  'dk.social.planning.function.approved.v1',
  TOPICS.plan,
  z.strictObject({
    functionId: uuid,
    ...functionRef,
    /** The application it answers; null when the approval came with a plan version. */
    applicationId: uuid.nullable(),
    validFrom: isoDate,
    validTo: isoDate,
    minimumYearlyVolume: z.number().int().min(0),
  }),
);

/** The state rejected an operator's application for a function, with its reason. */
export const FunctionRejected = defineEvent(
  'dk.social.planning.function.rejected.v1',
  TOPICS.plan,
  z.strictObject({ applicationId: uuid, ...functionRef, reason: z.string().min(1).max(2000) }),
);

/** An approved function ends within 6 months; announced once per function, so its operator can re-apply. */
export const FunctionExpiring = defineEvent(
  'dk.social.planning.function.expiring.v1',
  TOPICS.plan,
  z.strictObject({ functionId: uuid, ...functionRef, validTo: isoDate }),
);

/** SEL § 186 takeover of a regional offer by a municipality is abolished (rule 5): recorded, rejected, nothing moves. */
export const TakeoverRejected = defineEvent(
  'dk.social.planning.takeover.rejected.v1',
  TOPICS.plan,
  z.strictObject({
    requestId: uuid,
    municipalityCode,
    offerId: uuid,
    operatorOrgType: orgType,
    operatorOrgCode: orgCode,
    reason: z.literal('MUNICIPAL_TAKEOVER_ABOLISHED'),
    legalBasis: z.literal('SEL_186'),
  }),
);

export const GAP_KINDS = ['CAPACITY_REJECTIONS', 'WAITING', 'DEVIATION_TO_LOWER_LEVEL', 'NO_PLACES'] as const;

/**
 * A needs analysis (behovsanalyse) of a framework-agreement area found a gap for a target group: demand the
 * places do not meet. A region can attach a risk-capital application to it (financing).
 */
export const NeedsAnalysisGap = defineEvent(
  'dk.social.planning.needs-analysis.gap.v1',
  TOPICS.plan,
  z.strictObject({
    analysisId: uuid,
    gapId: uuid,
    frameworkAreaCode: z.string().min(1).max(40),
    regionCode: orgCode,
    targetGroup: targetGroupCode,
    periodFrom: isoDate,
    periodTo: isoDate,
    kinds: z.array(z.enum(GAP_KINDS)).min(1),
    referrals: z.number().int().min(0),
    capacityRejections: z.number().int().min(0),
    waiting: z.number().int().min(0),
    deviationsToLowerLevel: z.number().int().min(0),
    places: z.number().int().min(0),
    occupied: z.number().int().min(0),
  }),
);

export const PLANNING_EVENTS = [
  OfferUpdated,
  OfferPlacesChanged,
  ResponsibilityChanged,
  PlanApproved,
  FunctionApproved,
  FunctionRejected,
  FunctionExpiring,
  TakeoverRejected,
  NeedsAnalysisGap,
] as const;
