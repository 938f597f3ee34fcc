import { freeText, pageQuery } from '@platform/http';
import { z } from 'zod';

/** Body of POST /api/v1/takeover-requests: which offer, and a note (never a CPR number). */
export const createTakeoverSchema = z.strictObject({
  offerId: z.uuid().meta({ description: 'The regional offer the municipality asks to take over' }),
  note: freeText(2000).optional().meta({ description: 'Why the municipality asks' }),
});

export type CreateTakeoverInput = z.infer<typeof createTakeoverSchema>;

export const listTakeoversQuery = z.strictObject({
  ...pageQuery,
  offerId: z.uuid().optional().meta({ description: 'Only requests for this offer' }),
});

export type ListTakeoversQuery = z.infer<typeof listTakeoversQuery>;
