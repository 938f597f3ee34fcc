import { freeText } from '@platform/http';
import { z } from 'zod';
import {
  functionTypeInput,
  minimumYearlyVolumeInput,
  planningDate,
  targetGroupInput,
  validToNotBeforeValidFrom,
} from '../../common/api-fields';
import { PLAN_STATUSES } from '../domain/plan-version';

/** One entry of the plan: which offer holds which function for which target group, how long, at which minimum. */
export const planEntrySchema = z
  .strictObject({
    targetGroup: targetGroupInput,
    functionType: functionTypeInput,
    offerId: z.uuid().meta({ description: 'The offer that holds the function' }),
    validFrom: planningDate,
    validTo: planningDate.meta({ description: 'The last day of validity (inclusive)' }),
    minimumYearlyVolume: minimumYearlyVolumeInput.meta({
      description: 'Citizens per year (øvelse gør mester)',
    }),
  })
  .superRefine(validToNotBeforeValidFrom);
export type PlanEntryInput = z.infer<typeof planEntrySchema>;

/** An offer holds a function for a target group once per plan version: a repeated entry is refused by index. */
const entries = z
  .array(planEntrySchema)
  .max(500)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((e, i) => {
      const key = `${e.offerId.toLowerCase()}|${e.targetGroup}|${e.functionType}`;
      if (seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: [i],
          message: 'repeats an earlier entry (same offer, target group, function type)',
        });
      }
      seen.add(key);
    });
  });

/** Opret udkast til specialeplan: the body of POST /api/v1/specialty-plans. */
export const createPlanSchema = z.strictObject({
  title: freeText(200, 3).meta({ example: 'Specialeplan 2026' }),
  effectiveFrom: planningDate.meta({ description: 'The day the version takes effect once approved' }),
  entries: entries.default([]),
});
export type CreatePlanInput = z.infer<typeof createPlanSchema>;

/** PUT /api/v1/specialty-plans/{id}/entries: the draft's entries, replaced as a whole. */
export const replaceEntriesSchema = z.strictObject({ entries });
export type ReplaceEntriesInput = z.infer<typeof replaceEntriesSchema>;

export const listPlansQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20).meta({ description: 'Page size' }),
  cursor: z
    .string()
    .regex(/^\d{1,9}$/)
    .optional()
    .meta({ description: '`nextCursor` of the previous page' }),
  status: z.enum(PLAN_STATUSES).optional().meta({ description: 'Only versions with this status' }),
});
export type ListPlansQuery = z.infer<typeof listPlansQuery>;

export const currentPlanQuery = z.strictObject({
  on: planningDate.optional().meta({ description: 'The day asked about (default today, Danish time)' }),
});
export type CurrentPlanQuery = z.infer<typeof currentPlanQuery>;
