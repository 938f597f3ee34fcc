import { findMunicipality, isMunicipalityCode } from '@platform/domain';
import { z } from 'zod';
import { targetGroupInput } from '../../common/api-fields';

/** Query of GET /api/v1/knowledge-metrics. */
export const metricsQuery = z.strictObject({
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2999)
    .meta({ description: 'The calendar year (of the advice)' }),
  offerId: z.uuid().optional().meta({ description: 'One knowledge environment (its offer)' }),
  targetGroup: targetGroupInput.optional().meta({ description: 'Målgruppe: platform code or FFB code' }),
  municipality: z
    .string()
    .refine(isMunicipalityCode, 'is not a municipality code')
    // the cases store the 3-digit form ('101'); '0101' names the same municipality
    .transform((code) => findMunicipality(code)!.code)
    .optional()
    .meta({ description: 'Only advice on cases of this municipality', example: '101' }),
});

export type MetricsQuery = z.infer<typeof metricsQuery>;
