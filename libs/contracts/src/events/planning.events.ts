import { z } from 'zod';
import { TOPICS } from '../topics';
import { defineEvent } from './event-definition';
import { isoDate, level, orgCode, orgType, responsibility, targetGroupCode, uuid } from './common.schema';

/**
 * Events of specialty planning. An offer event carries the offer's whole current state (event-carried
 * state transfer), so a consumer's read model is the latest event per offer.
 */
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

export const PlanApproved = defineEvent(
  'dk.social.planning.plan.approved.v1',
  TOPICS.plan,
  z.strictObject({
    planId: uuid,
    version: z.number().int().positive(),
    effectiveFrom: isoDate,
    entries: z.array(
      z.strictObject({
        targetGroup: targetGroupCode,
        functionType: z.enum(['SPECIAL_FUNCTION', 'ADVISORY_FUNCTION']),
        offerId: uuid,
        validFrom: isoDate,
        validTo: isoDate,
        minimumYearlyVolume: z.number().int().min(0),
      }),
    ),
  }),
);

export const PLANNING_EVENTS = [OfferUpdated, ResponsibilityChanged, PlanApproved] as const;
