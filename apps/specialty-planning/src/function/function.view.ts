import { FUNCTION_TYPES } from '@platform/contracts';
import { isoDateView, isoInstantView, namedSchema, uuidView } from '@platform/http';
import { dayOf } from '@platform/persistence';
import { z } from 'zod';
import { targetGroupView, toTargetGroupView } from '../common/api-fields';
import { isExpiringWithin, isValidOn } from './domain/function-validity';
import type { FunctionVolume } from './function-volume';
import type { ListedFunction } from './function.repository';

/** An approved function as the API shows it (godkendt specialfunktion / rådgivningsfunktion). No personal data. */
export const functionViewSchema = namedSchema(
  'SpecialtyFunctionView',
  z.object({
    id: uuidView,
    offerId: uuidView,
    operatorOrgCode: z.string().meta({ example: '1084' }),
    targetGroup: targetGroupView,
    functionType: z.enum(FUNCTION_TYPES),
    validFrom: isoDateView,
    validTo: isoDateView.meta({ description: 'The last day of validity (inclusive)' }),
    status: z.enum(['FUTURE', 'ACTIVE', 'ENDED']).meta({ description: 'On today (Danish time)' }),
    minimumYearlyVolume: z.number().int(),
    volumeYear: z.number().int().meta({ description: 'The current calendar year' }),
    actualYearlyVolume: z
      .number()
      .int()
      .meta({
        description:
          'Citizens so far this year: placements started at the offer (special function), referrals advised on ' +
          'for the target group by the operator (advisory function)',
      }),
    previousYearVolume: z
      .number()
      .int()
      .meta({ description: 'The same count for the previous calendar year' }),
    belowMinimum: z.boolean().meta({
      description:
        'Øvelse gør mester: the previous full calendar year stayed below the minimum, pro-rated to the days the ' +
        'function was held that year (not judged when it was not held then)',
    }),
    expiring: z.boolean().meta({ description: 'Ends within 6 months and is not renewed' }),
    renewed: z
      .boolean()
      .meta({ description: 'A later approval of the same function continues it without a gap' }),
    expiryAnnouncedAt: isoInstantView.nullable(),
    applicationId: uuidView.nullable().meta({ description: 'The application it answers, if any' }),
    planVersionId: uuidView.nullable().meta({ description: 'The plan version it came with, if any' }),
  }),
);
export type FunctionView = z.infer<typeof functionViewSchema>;

export const functionPageSchema = namedSchema(
  'SpecialtyFunctionPage',
  z.object({ items: z.array(functionViewSchema), nextCursor: z.string().nullable() }),
);

export function toFunctionView(row: ListedFunction, volume: FunctionVolume, today: string): FunctionView {
  const validity = { validFrom: dayOf(row.validFrom), validTo: dayOf(row.validTo) };
  const status = isValidOn(validity, today) ? 'ACTIVE' : validity.validTo < today ? 'ENDED' : 'FUTURE';
  return {
    id: row.id,
    offerId: row.offerId,
    operatorOrgCode: row.operatorOrgCode,
    targetGroup: toTargetGroupView(row.targetGroup),
    functionType: row.functionType as FunctionView['functionType'],
    ...validity,
    status,
    minimumYearlyVolume: row.minimumYearlyVolume,
    ...volume,
    expiring: !row.renewed && isExpiringWithin(validity, today),
    renewed: row.renewed,
    expiryAnnouncedAt: row.expiryAnnouncedAt?.toISOString() ?? null,
    applicationId: row.applicationId,
    planVersionId: row.planVersionId,
  };
}

export const FUNCTION_VIEW_EXAMPLE: FunctionView = {
  id: '3f1c2a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b',
  offerId: '7d4e2f1a-8b9c-4d0e-a1f2-3b4c5d6e7f80',
  operatorOrgCode: '1084',
  targetGroup: { code: 'VISION', ffbCode: '615310e8-f702-4455-910b-9d6d8aa684fb' },
  functionType: 'SPECIAL_FUNCTION',
  validFrom: '2026-01-01',
  validTo: '2030-12-31',
  status: 'ACTIVE',
  minimumYearlyVolume: 30,
  volumeYear: 2026,
  actualYearlyVolume: 12,
  previousYearVolume: 0,
  belowMinimum: false,
  expiring: false,
  renewed: false,
  expiryAnnouncedAt: null,
  applicationId: null,
  planVersionId: '0b9f8e7d-6c5b-4a39-8281-7f6e5d4c3b2a',
};
