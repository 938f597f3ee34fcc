import { calendarDate, freeText } from '@platform/http';
import { z } from 'zod';
import { kronerInput, percentInput, year } from '../common/money-fields';
import { ADVICE_CONDITIONS } from '../refusion/domain/advice-condition';

/** A rule set for a year (regelsæt), as the state writes it. Amounts in kroner; stored as øre. */
export const createRuleSetSchema = z.strictObject({
  year,
  name: freeText(200, 3).meta({ example: 'Gældende lov 2026 (2022-niveau)' }),
  effectiveFrom: calendarDate.meta({
    description: 'From this day the version replaces earlier ones of its year',
  }),
  legalBasis: z.string().max(100).default('SEL § 176 / Barnets lov § 198'),
  bands: z
    .array(z.strictObject({ threshold: kronerInput, percent: percentInput }))
    .min(1)
    .max(6)
    .meta({ description: 'Yearly thresholds (kr.) ascending, each with the percentage refunded above it' }),
  adviceCondition: z.enum(ADVICE_CONDITIONS).meta({
    description: 'NONE (current law), ADVICE_OBTAINED or ADVICE_FOLLOWED (the regions’ proposal)',
  }),
  coFinancing: z
    .array(z.strictObject({ fromMonth: z.number().int().min(1).max(600), sharePercent: percentInput }))
    .max(12)
    .default([])
    .meta({ description: "The municipality's co-financing share from the placement's nth month" }),
  knowledgeOverheadPercent: percentInput.default(0),
  adviceDeadlineWorkingDays: z.number().int().min(1).max(250).default(10),
});

export type CreateRuleSetInput = z.infer<typeof createRuleSetSchema>;

export const listRuleSetsQuery = z.strictObject({ year: year.optional() });
