import { calendarDate, freeText } from '@platform/http';
import { z } from 'zod';
import { kronerInput, year } from '../common/money-fields';

const referralId = z.uuid().meta({ format: 'uuid' });

/** A one-off expense (spread over the year) or an income (deducted in its month) for a citizen's referral. */
export const oneOffEntrySchema = z.strictObject({
  referralId,
  kind: z.enum(['ONE_OFF_EXPENSE', 'INCOME']).meta({
    description: 'ONE_OFF_EXPENSE (engangsudgift) or INCOME (brugerbetaling, anden refusion)',
  }),
  date: calendarDate,
  amount: kronerInput,
  description: freeText(500, 3),
});
export type OneOffEntryInput = z.infer<typeof oneOffEntrySchema>;

export const claimSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  quarter: z
    .number()
    .int()
    .min(1)
    .max(4)
    .meta({ description: 'Claims are year to date: quarter 2 holds January–June' }),
  households: z.array(z.array(referralId).min(2).max(20)).max(1000).default([]).meta({
    description: 'Children of one household (SEL § 176 stk. 2), by referral ids: summed on one line',
  }),
  over67: z
    .array(z.strictObject({ referralId, birthday67: calendarDate, coveredBefore: z.boolean().optional() }))
    .max(1000)
    .default([])
    .meta({ description: 'Citizens who turn or turned 67 (SEL § 176 stk. 3), with the 67th birthday' }),
});
export type ClaimBody = z.infer<typeof claimSchema>;

export const listClaimsQuery = z.strictObject({ year: year.optional() });
export const whatIfQuery = z.strictObject({
  ruleSetId: z
    .uuid()
    .meta({ format: 'uuid', description: 'The rule set to compare with (e.g. the regions’ proposal)' }),
});

export const decisionSchema = z.strictObject({
  lines: z
    .array(
      z.strictObject({
        lineNo: z.number().int().min(1),
        approved: z.boolean(),
        reason: freeText(1000, 3).optional().meta({ description: 'Required when a line is rejected' }),
      }),
    )
    .min(1)
    .max(50_000),
});
export type DecisionBody = z.infer<typeof decisionSchema>;

export const oneOffQuery = z.strictObject({ year });
