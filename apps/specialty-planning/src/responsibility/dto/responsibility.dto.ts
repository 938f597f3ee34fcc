import { RESPONSIBILITIES } from '@platform/domain';
import { calendarDate } from '@platform/http';
import { z } from 'zod';

/**
 * The earliest effective date accepted: regional responsibility for social offers begins with the regions
 * (structural reform, 1 January 2007); a date before that is a typing error, not a decision.
 */
export const EARLIEST_EFFECTIVE_FROM = '2007-01-01';

/** Body of POST /api/v1/target-groups/{code}/responsibility-changes. */
export const responsibilityChangeSchema = z.strictObject({
  responsibility: z
    .enum(RESPONSIBILITIES)
    .meta({ description: 'MUNICIPAL (kommunalt) or REGIONAL (regionalt ansvar)' }),
  effectiveFrom: calendarDate
    .refine((d) => d >= EARLIEST_EFFECTIVE_FROM, `must be on or after ${EARLIEST_EFFECTIVE_FROM}`)
    .meta({
      description:
        'First day the responsibility holds. A date before today is refused when a referral of the target group was decided or placed on or after it.',
      example: '2027-01-01',
    }),
});

export type ResponsibilityChangeInput = z.infer<typeof responsibilityChangeSchema>;

/** Query of the target-group reads: the date the responsibility is given for. */
export const onDateQuery = z.strictObject({
  on: calendarDate
    .optional()
    .meta({ description: 'The date asked about (YYYY-MM-DD); today in Denmark when left out' }),
});

export type OnDateQuery = z.infer<typeof onDateQuery>;
