import { namedSchema } from '@platform/http';
import { z } from 'zod';

export const citizenAccessEntrySchema = z.object({
  at: z.string().meta({ format: 'date-time' }),
  organisation: z.object({
    type: z.string().nullable(),
    code: z.string().nullable(),
    name: z.string().nullable().meta({ example: 'København' }),
  }),
  service: z.string().meta({ example: 'referrals' }),
  action: z.string().meta({ example: 'referral.read' }),
  what: z.string().meta({ description: 'The kind of data (resource type)', example: 'referral' }),
  purpose: z.string().meta({ description: 'Formål: why', example: 'visitation' }),
});

export const citizenAccessLogSchema = namedSchema(
  'CitizenAccessLog',
  z
    .object({
      citizenPseudonym: z.string(),
      entries: z.array(citizenAccessEntrySchema),
      nextCursor: z.string().nullable(),
    })
    .meta({
      description:
        'Which organisations read or changed the citizen’s data, when and why (GDPR art. 15). Allowed accesses ' +
        'only, and no person: organisations, never employees or their ids.',
    }),
);

export type CitizenAccessLog = z.infer<typeof citizenAccessLogSchema>;
