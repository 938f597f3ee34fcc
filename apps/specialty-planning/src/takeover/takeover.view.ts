import { isoInstantView, namedSchema, uuidView } from '@platform/http';
import { z } from 'zod';
import { TAKEOVER_REJECTION } from './domain/takeover-rule';
import type { TakeoverRow } from './takeover.repository';

/** A takeover request (SEL § 186) as the API shows it: who asked for which offer, and the answer. No person. */
export const takeoverViewSchema = namedSchema(
  'TakeoverRequestView',
  z.object({
    id: uuidView,
    municipalityCode: z.string().meta({ description: 'The requesting municipality', example: '461' }),
    offerId: uuidView,
    offerOperator: z.object({
      orgType: z.enum(['municipality', 'region']),
      orgCode: z.string().meta({ description: "The offer's operator, unchanged", example: '1083' }),
    }),
    note: z.string().nullable(),
    status: z.literal('REJECTED'),
    reason: z.literal('MUNICIPAL_TAKEOVER_ABOLISHED'),
    legalBasis: z.literal('SEL_186'),
    message: z.object({ da: z.string(), en: z.string() }),
    requestedAt: isoInstantView,
    decidedAt: isoInstantView,
  }),
);

export const takeoverPageSchema = namedSchema(
  'TakeoverRequestPage',
  z.object({ items: z.array(takeoverViewSchema), nextCursor: z.string().nullable() }),
);

export type TakeoverView = z.infer<typeof takeoverViewSchema>;

export function toTakeoverView(row: TakeoverRow): TakeoverView {
  return {
    id: row.id,
    municipalityCode: row.municipalityCode,
    offerId: row.offerId,
    offerOperator: {
      orgType: row.offerOperatorOrgType as TakeoverView['offerOperator']['orgType'],
      orgCode: row.offerOperatorOrgCode,
    },
    note: row.note,
    status: TAKEOVER_REJECTION.status,
    reason: TAKEOVER_REJECTION.reason,
    legalBasis: TAKEOVER_REJECTION.legalBasis,
    message: { ...TAKEOVER_REJECTION.message },
    requestedAt: row.requestedAt.toISOString(),
    decidedAt: row.decidedAt.toISOString(),
  };
}

export const TAKEOVER_EXAMPLE: TakeoverView = {
  id: '3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  municipalityCode: '461',
  offerId: '0b7e2f6a-5d1c-4f3e-9a2b-6c8d0e1f2a3b',
  offerOperator: { orgType: 'region', orgCode: '1083' },
  note: 'Odense would run the offer together with its own',
  status: 'REJECTED',
  reason: 'MUNICIPAL_TAKEOVER_ABOLISHED',
  legalBasis: 'SEL_186',
  message: { ...TAKEOVER_REJECTION.message },
  requestedAt: '2026-11-26T10:00:00.000Z',
  decidedAt: '2026-11-26T10:00:00.000Z',
};
