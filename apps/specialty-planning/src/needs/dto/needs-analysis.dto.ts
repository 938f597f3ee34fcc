import { calendarDate, pageQuery } from '@platform/http';
import { z } from 'zod';

/** Body of POST /api/v1/needs-analyses. */
export const createNeedsAnalysisSchema = z.strictObject({
  frameworkAreaCode: z
    .string()
    .max(40)
    .meta({ description: 'The framework-agreement area', example: 'RA-1082' }),
  from: calendarDate.meta({ description: 'First day counted', example: '2026-01-01' }),
  to: calendarDate.meta({ description: 'Last day counted (inclusive)', example: '2026-10-31' }),
});
export type CreateNeedsAnalysisInput = z.infer<typeof createNeedsAnalysisSchema>;

export const listNeedsAnalysesQuery = z.strictObject({
  ...pageQuery,
  frameworkAreaCode: z
    .string()
    .max(40)
    .optional()
    .meta({ description: 'Only analyses of this area (RA-1082)' }),
});
export type ListNeedsAnalysesQuery = z.infer<typeof listNeedsAnalysesQuery>;
