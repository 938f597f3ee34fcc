import { ADVICE_REASONS, DEVIATION_REASONS } from '@platform/domain';
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
  targetGroupCode,
  uuid,
} from './common.schema';

/** Events of the referral (visitationssag) aggregate on `referrals.referral.v1`. No CPR, ever: the pseudonym only. */
const topic = TOPICS.referral;
const type = (name: string) => `dk.social.referral.${name}.v1`;

const referralRef = { referralId: uuid, municipalityCode };

// The domain owns the advice and deviation vocabulary; the events carry it and re-export it for their readers.
export { ADVICE_REASONS, DEVIATION_REASONS };
export const REJECTION_REASONS = ['NO_CAPACITY', 'TARGET_GROUP_MISMATCH', 'LEVEL_MISMATCH', 'OTHER'] as const;

export const ReferralCreated = defineEvent(
  type('created'),
  topic,
  z.strictObject({
    ...referralRef,
    citizenPseudonym,
    ageGroup,
    targetGroup: targetGroupCode,
    assessedLevel: level,
    urgent: z.boolean(),
    caseworkerDoubt: z.boolean(),
    referralDate: isoDate,
    createdAt: instant,
  }),
);

export const ReferralSubmitted = defineEvent(
  type('submitted'),
  topic,
  z.strictObject({
    ...referralRef,
    status: z.string(),
    adviceRequired: z.boolean(),
    adviceReasons: z.array(z.enum(ADVICE_REASONS)),
  }),
);

/** Knowledge opens an advice case (rådgivningssag) when it sees this. */
export const ReferralAdviceRequired = defineEvent(
  type('advice-required'),
  topic,
  z.strictObject({
    ...referralRef,
    citizenPseudonym,
    targetGroup: targetGroupCode,
    assessedLevel: level,
    ageGroup,
    reasons: z.array(z.enum(ADVICE_REASONS)).min(1),
    adviceDueAt: instant,
  }),
);

export const ReferralDecided = defineEvent(
  type('decided'),
  topic,
  z.strictObject({
    ...referralRef,
    citizenPseudonym,
    targetGroup: targetGroupCode,
    offerId: uuid,
    level,
    startDate: isoDate,
    /** null when no advice was given (not required, or an urgent decision ahead of advice). */
    followsAdvice: z.boolean().nullable(),
    deviation: z.boolean(),
    deviationReasons: z.array(z.enum(DEVIATION_REASONS)),
    urgent: z.boolean(),
    decidedBeforeAdvice: z.boolean(),
  }),
);

const operatorRef = { offerId: uuid, operatorOrgCode: orgCode };

export const ReferralSentToOffer = defineEvent(
  type('sent'),
  topic,
  z.strictObject({ ...referralRef, ...operatorRef }),
);

export const ReferralAccepted = defineEvent(
  type('accepted'),
  topic,
  z.strictObject({ ...referralRef, ...operatorRef }),
);

export const ReferralRejected = defineEvent(
  type('rejected'),
  topic,
  z.strictObject({
    ...referralRef,
    ...operatorRef,
    targetGroup: targetGroupCode,
    reason: z.enum(REJECTION_REASONS),
  }),
);

export const PlacementStarted = defineEvent(
  type('placement-started'),
  topic,
  z.strictObject({
    ...referralRef,
    ...operatorRef,
    citizenPseudonym,
    ageGroup,
    targetGroup: targetGroupCode,
    level,
    startDate: isoDate,
    deviation: z.boolean(),
    followsAdvice: z.boolean().nullable(),
  }),
);

export const PlacementEnded = defineEvent(
  type('placement-ended'),
  topic,
  z.strictObject({ ...referralRef, ...operatorRef, citizenPseudonym, endDate: isoDate }),
);

export const ReferralWithdrawn = defineEvent(
  type('withdrawn'),
  topic,
  z.strictObject({ ...referralRef, previousStatus: z.string() }),
);

export const ReferralAdviceOverdue = defineEvent(
  type('advice-overdue'),
  topic,
  z.strictObject({ ...referralRef, adviceDueAt: instant }),
);

/**
 * Advice (rådgivning) reached the referral. When the referral was already decided (an urgent placement ahead
 * of advice), the decision is compared with the advice now (rule 4): followsAdvice, deviation and its reasons
 * are set, so financing and the state see a deviation that arises after the decision.
 */
export const ReferralAdviceReceived = defineEvent(
  type('advice-received'),
  topic,
  z.strictObject({
    ...referralRef,
    adviceCaseId: uuid,
    level,
    offerId: uuid,
    /** Present only when the referral was decided before the advice arrived. */
    followsAdvice: z.boolean().optional(),
    deviation: z.boolean().optional(),
    deviationReasons: z.array(z.enum(DEVIATION_REASONS)).optional(),
  }),
);

export const REFERRAL_EVENTS = [
  ReferralCreated,
  ReferralSubmitted,
  ReferralAdviceRequired,
  ReferralDecided,
  ReferralSentToOffer,
  ReferralAccepted,
  ReferralRejected,
  PlacementStarted,
  PlacementEnded,
  ReferralWithdrawn,
  ReferralAdviceOverdue,
  ReferralAdviceReceived,
] as const;
