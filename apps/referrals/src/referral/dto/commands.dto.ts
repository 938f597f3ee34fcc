import { REJECTION_REASONS } from '@platform/contracts';
import { SPECIALISATION_LEVELS } from '@platform/domain';
import { calendarDate, freeText } from '@platform/http';
import { z } from 'zod';

/**
 * Bodies of the state-changing commands. Every one is strict: unknown fields are refused. Free text (reasons,
 * notes, justifications) refuses a CPR number: it is stored in clear and copied to other organisations.
 */
export const withdrawSchema = z.strictObject({ reason: freeText(2000, 3) });

/** Afgørelse: which offer, at which level, from when; a justification when deviating from advice. */
export const decideSchema = z.strictObject({
  offerId: z.uuid(),
  level: z.enum(SPECIALISATION_LEVELS),
  startDate: calendarDate,
  justification: freeText(4000).optional(),
});

export const rejectSchema = z.strictObject({
  reason: z.enum(REJECTION_REASONS),
  note: freeText(2000).optional(),
});

export const startPlacementSchema = z.strictObject({ startDate: calendarDate.optional() });

export const endPlacementSchema = z.strictObject({ endDate: calendarDate });

export type WithdrawInput = z.infer<typeof withdrawSchema>;
export type DecideInput = z.infer<typeof decideSchema>;
export type RejectInput = z.infer<typeof rejectSchema>;
export type StartPlacementInput = z.infer<typeof startPlacementSchema>;
export type EndPlacementInput = z.infer<typeof endPlacementSchema>;
