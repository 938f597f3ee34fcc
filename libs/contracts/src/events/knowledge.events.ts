import { z } from 'zod';
import { TOPICS } from '../topics';
import { defineEvent } from './event-definition';
import { instant, level, municipalityCode, orgCode, uuid } from './common.schema';

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
  }),
);

export const KNOWLEDGE_EVENTS = [AdviceGiven] as const;
