import { calendarDate, flagInput } from '@platform/http';
import { z } from 'zod';
import { targetGroupInput } from '../../common/api-fields';

/** Query of GET /api/v1/knowledge-environments. */
export const listEnvironmentsQuery = z.strictObject({
  targetGroup: targetGroupInput.optional().meta({ description: 'Målgruppe: platform code or FFB code' }),
  regionCode: z
    .string()
    .regex(/^\d{4}$/)
    .optional()
    .meta({ description: 'Only environments in this region on the date' }),
  on: calendarDate.optional().meta({ description: 'The date the roster is read on; today when left out' }),
  activeOnly: flagInput
    .optional()
    .meta({ description: 'Only environments with an active function (default true)' }),
});

export const environmentQuery = z.strictObject({
  on: calendarDate.optional().meta({ description: 'The date the roster is read on; today when left out' }),
});

export type ListEnvironmentsQuery = z.infer<typeof listEnvironmentsQuery>;
export type EnvironmentQuery = z.infer<typeof environmentQuery>;
