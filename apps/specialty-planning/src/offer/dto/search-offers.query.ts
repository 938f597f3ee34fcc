import { FUNCTION_TYPES } from '@platform/contracts';
import { findRegion, SPECIALISATION_LEVELS } from '@platform/domain';
import { z } from 'zod';
import { OFFER_STATUSES } from '../offer-directory';
import { municipalityCodeInput, targetGroupInput } from './offer-body.dto';

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

/** Query of GET /api/v1/offers: the directory's filters and cursor pagination (by name, then id). */
export const searchOffersQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50).meta({ description: 'Page size' }),
  cursor: z.string().max(400).optional().meta({ description: '`nextCursor` of the previous page' }),
  targetGroup: targetGroupInput.optional(),
  level: z.enum(SPECIALISATION_LEVELS).optional(),
  region: z
    .string()
    .refine((code) => findRegion(code) !== undefined, 'is not a region code')
    .optional()
    .meta({ description: "Offers whose address lies in the region's municipalities today", example: '1084' }),
  municipality: municipalityCodeInput.optional().meta({ description: 'The municipality of the address' }),
  freePlaces: flag.optional().meta({ description: 'Only offers with a free place (places above occupancy)' }),
  function: z
    .enum(FUNCTION_TYPES)
    .optional()
    .meta({ description: 'Only offers holding this function today' }),
  operator: z
    .string()
    .regex(/^\d{3,4}$/, 'must be a municipality (3 digits) or region (4 digits) code')
    .optional()
    .meta({ description: 'The operating organisation', example: '1084' }),
  status: z.enum(OFFER_STATUSES).optional(),
});

export type SearchOffersQuery = z.infer<typeof searchOffersQuery>;
