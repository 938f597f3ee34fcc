import { z } from 'zod';
import { kronerInput } from '../common/money-fields';
import { RATE_UNITS } from '../cost/domain/accrual';

/** The rate (takst) of an offer for a year, as its operator sets it. */
export const setRateSchema = z.strictObject({
  unit: z.enum(RATE_UNITS).meta({ description: 'DAY (døgntakst) or MONTH (månedstakst)' }),
  amount: kronerInput.meta({
    description: 'The rate in kroner, knowledge overhead included',
    example: '4500.00',
  }),
  knowledgeOverhead: kronerInput.default(0).meta({
    description: 'The part of the rate that funds knowledge (vidensopbygning), kroner',
    example: '90.00',
  }),
});

export type SetRateInput = z.infer<typeof setRateSchema>;
