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
});

export type MetricsQuery = z.infer<typeof metricsQuery>;
