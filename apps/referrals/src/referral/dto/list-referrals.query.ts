import { SPECIALISATION_LEVELS } from '@platform/domain';
import { z } from 'zod';
import { REFERRAL_STATUSES } from '../domain/referral-status';
import { calendarDate, targetGroupInput } from './create-referral.dto';

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

/** Query of GET /api/v1/referrals: filters and cursor pagination (newest first). */
export const listReferralsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
  status: z.enum(REFERRAL_STATUSES).optional(),
  targetGroup: targetGroupInput.optional(),
  level: z.enum(SPECIALISATION_LEVELS).optional(),
  offerId: z.uuid().optional(),
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  deviation: flag.optional(),
  adviceOverdue: flag.optional(),
});

export type ListReferralsQuery = z.infer<typeof listReferralsQuery>;
