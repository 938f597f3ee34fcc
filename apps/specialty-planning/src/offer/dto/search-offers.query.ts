import { FUNCTION_TYPES } from '@platform/contracts';
import { findRegion, SPECIALISATION_LEVELS } from '@platform/domain';
import { flagInput, pageQuery } from '@platform/http';
import { z } from 'zod';
import { targetGroupInput } from '../../common/api-fields';
import { OFFER_STATUSES } from '../offer-directory';
import { municipalityCodeInput } from './offer-body.dto';

/** Query of GET /api/v1/offers: the directory's filters and cursor pagination (by name, then id). */
export const searchOffersQuery = z.strictObject({
  limit: pageQuery.limit,
  // an offer's name is part of its cursor: longer than an id
  cursor: z.string().max(400).optional().meta({ description: '`nextCursor` of the previous page' }),
  targetGroup: targetGroupInput.optional(),
  level: z.enum(SPECIALISATION_LEVELS).optional(),
  region: z
    .string()
    .refine((code) => findRegion(code) !== undefined, 'is not a region code')
    .optional()
    .meta({ description: "Offers whose address lies in the region's municipalities today", example: '1084' }),
  municipality: municipalityCodeInput.optional().meta({ description: 'The municipality of the address' }),
  freePlaces: flagInput
    .optional()
    .meta({ description: 'Only offers with a free place (places above occupancy)' }),
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
