import { flagInput, pageQuery } from '@platform/http';
import { z } from 'zod';
import { functionTypeInput, targetGroupInput } from '../../common/api-fields';

/** Query of GET /api/v1/functions: filters and cursor pagination (soonest ending first). */
export const listFunctionsQuery = z.strictObject({
  ...pageQuery,
  offerId: z.uuid().optional().meta({ description: 'Functions of one offer' }),
  targetGroup: targetGroupInput.optional(),
  functionType: functionTypeInput.optional(),
  expiringWithinMonths: z.coerce
    .number()
    .int()
    .min(1)
    .max(120)
    .optional()
    .meta({ description: 'Only functions ending within this many months of today and not renewed, e.g. 6' }),
  belowMinimum: flagInput.optional().meta({
    description:
      'Only functions flagged below (true) or not below (false) their minimum yearly volume. Applied to each ' +
      'page after it is read, so a page may hold fewer than `limit` items: follow `nextCursor`',
  }),
  includeEnded: flagInput.default(false).meta({ description: 'Also functions whose validity has ended' }),
});

export type ListFunctionsQuery = z.infer<typeof listFunctionsQuery>;
