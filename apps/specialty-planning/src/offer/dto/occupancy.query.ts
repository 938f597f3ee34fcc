import { calendarDate } from '@platform/http';
import { z } from 'zod';

/** Query of GET /api/v1/offers/:id/occupancy: the days to show (at most 366; never beyond today). */
export const occupancyQuery = z.strictObject({
  from: calendarDate
    .optional()
    .meta({ description: 'First day (default: 89 days before `to`)', example: '2026-09-01' }),
  to: calendarDate
    .optional()
    .meta({ description: 'Last day, inclusive (default: today)', example: '2026-11-30' }),
});
export type OccupancyQuery = z.infer<typeof occupancyQuery>;
