import { z } from 'zod';
import { TOPICS } from '../topics';
import { defineEvent } from './event-definition';
import { citizenPseudonym, instant, orgCode, orgType } from './common.schema';

/** Who did what to which resource, for which citizen (pseudonym), why and with what outcome. */
export const AuditRecorded = defineEvent(
  'dk.social.audit.recorded.v1',
  TOPICS.audit,
  z.strictObject({
    actor: z.strictObject({
      subject: z.string(),
      clientId: z.string().optional(),
      orgType: orgType.optional(),
      orgCode: orgCode.optional(),
      roles: z.array(z.string()),
    }),
    action: z.string().min(1),
    resource: z.strictObject({ type: z.string().min(1), id: z.string().optional() }),
    citizenPseudonym: citizenPseudonym.optional(),
    purpose: z.string().min(1),
    outcome: z.enum(['ALLOWED', 'DENIED']),
    requestId: z.string().optional(),
    service: z.string(),
    occurredAt: instant,
  }),
);
