import { SPECIALISATION_LEVELS } from '@platform/domain';
import { calendarDate, flagInput, pageQuery, targetGroupInput } from '@platform/http';
import { z } from 'zod';
import { REFERRAL_STATUSES } from '../domain/referral-status';

/**
 * Query of GET /api/v1/referrals: filters and cursor pagination (newest first). The descriptions are what the
 * OpenAPI document shows for each query parameter.
 */
export const listReferralsQuery = z.strictObject({
  ...pageQuery,
  status: z.enum(REFERRAL_STATUSES).optional(),
  targetGroup: targetGroupInput.optional().meta({ description: 'Målgruppe: platform code or FFB code' }),
  level: z.enum(SPECIALISATION_LEVELS).optional().meta({ description: 'Assessed level' }),
  offerId: z.uuid().optional().meta({ description: 'The decided offer' }),
  from: calendarDate.optional().meta({ description: 'Referral date on or after (YYYY-MM-DD)' }),
  to: calendarDate.optional().meta({ description: 'Referral date on or before (YYYY-MM-DD)' }),
  deviation: flagInput
    .optional()
    .meta({ description: 'Only decisions that deviate from the advice (or not)' }),
  adviceOverdue: flagInput
    .optional()
    .meta({ description: 'Only referrals whose advice is overdue (or not)' }),
});

export type ListReferralsQuery = z.infer<typeof listReferralsQuery>;
