import { REJECTION_REASONS } from '@platform/contracts';
import { SPECIALISATION_LEVELS } from '@platform/domain';
import { z } from 'zod';
import { calendarDate } from './create-referral.dto';

/** Bodies of the state-changing commands. Every one is strict: unknown fields are refused. */
/** Commands without parameters: an empty object, or no body at all. */
export const emptyCommandSchema = z.strictObject({});

export const withdrawSchema = z.strictObject({ reason: z.string().trim().min(3).max(2000) });

/** Afgørelse: which offer, at which level, from when; a justification when deviating from advice. */
export const decideSchema = z.strictObject({
  offerId: z.uuid(),
  level: z.enum(SPECIALISATION_LEVELS),
  startDate: calendarDate,
  justification: z.string().trim().max(4000).optional(),
});

export const rejectSchema = z.strictObject({
  reason: z.enum(REJECTION_REASONS),
  note: z.string().trim().max(2000).optional(),
});

export const startPlacementSchema = z.strictObject({ startDate: calendarDate.optional() });

export const endPlacementSchema = z.strictObject({ endDate: calendarDate });

export type WithdrawInput = z.infer<typeof withdrawSchema>;
export type DecideInput = z.infer<typeof decideSchema>;
export type RejectInput = z.infer<typeof rejectSchema>;
export type StartPlacementInput = z.infer<typeof startPlacementSchema>;
export type EndPlacementInput = z.infer<typeof endPlacementSchema>;
