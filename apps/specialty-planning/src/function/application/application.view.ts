import { FUNCTION_TYPES } from '@platform/contracts';
import { isoInstantView, namedSchema, uuidView, withEtag } from '@platform/http';
import { versionEtag } from '@platform/kit';
import type { Response } from 'express';
import { z } from 'zod';
import { targetGroupView, toTargetGroupView } from '../../common/api-fields';
import { APPLICATION_STATUSES } from '../domain/application-decision';
import type { ApplicationRow } from './application.repository';

/** An application for a function, as its operator and the state read it. About an offer; no personal data. */
export const applicationViewSchema = namedSchema(
  'FunctionApplicationView',
  z.object({
    id: uuidView,
    offerId: uuidView,
    operator: z.object({
      orgType: z.enum(['municipality', 'region']),
      orgCode: z.string().meta({ example: '1084' }),
    }),
    targetGroup: targetGroupView,
    functionType: z.enum(FUNCTION_TYPES),
    evidence: z.object({
      yearlyVolume: z.number().int(),
      competences: z.string(),
      healthCooperation: z.string(),
    }),
    status: z.enum(APPLICATION_STATUSES),
    rejectionReason: z.string().nullable(),
    functionId: uuidView.nullable().meta({ description: 'The approved function, once approved' }),
    decidedAt: isoInstantView.nullable(),
    createdAt: isoInstantView,
  }),
);
export type ApplicationView = z.infer<typeof applicationViewSchema>;

export const applicationPageSchema = namedSchema(
  'FunctionApplicationPage',
  z.object({ items: z.array(applicationViewSchema), nextCursor: z.string().nullable() }),
);

export const applicationEtag = (row: ApplicationRow) => versionEtag(row.version);

export function toApplicationView(row: ApplicationRow, functionId: string | null): ApplicationView {
  return {
    id: row.id,
    offerId: row.offerId,
    operator: {
      orgType: row.operatorOrgType as ApplicationView['operator']['orgType'],
      orgCode: row.operatorOrgCode,
    },
    targetGroup: toTargetGroupView(row.targetGroup),
    functionType: row.functionType as ApplicationView['functionType'],
    evidence: {
      yearlyVolume: row.yearlyVolume,
      competences: row.competences,
      healthCooperation: row.healthCooperation,
    },
    status: row.status as ApplicationView['status'],
    rejectionReason: row.rejectionReason,
    functionId,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** One application in a response: its ETag set, so the decision can send If-Match. */
export function applicationResponse(
  res: Response,
  { row, functionId }: { row: ApplicationRow; functionId: string | null },
): ApplicationView {
  return withEtag(res, applicationEtag(row), toApplicationView(row, functionId));
}

export const APPLICATION_VIEW_EXAMPLE: ApplicationView = {
  id: 'b3c4d5e6-f7a8-4b9c-8d0e-1f2a3b4c5d6e',
  offerId: '7d4e2f1a-8b9c-4d0e-a1f2-3b4c5d6e7f80',
  operator: { orgType: 'region', orgCode: '1084' },
  targetGroup: { code: 'VISION', ffbCode: '615310e8-f702-4455-910b-9d6d8aa684fb' },
  functionType: 'ADVISORY_FUNCTION',
  evidence: {
    yearlyVolume: 45,
    competences: 'Synskonsulenter, optometrist og mobilitysinstruktører med 10 års erfaring',
    healthCooperation: 'Fast samarbejde med øjenafdelingen på Rigshospitalet om udredning',
  },
  status: 'PENDING',
  rejectionReason: null,
  functionId: null,
  decidedAt: null,
  createdAt: '2026-11-26T10:00:00.000Z',
};

export const CREATE_APPLICATION_EXAMPLE = {
  offerId: APPLICATION_VIEW_EXAMPLE.offerId,
  targetGroup: 'VISION',
  functionType: 'ADVISORY_FUNCTION',
  evidence: APPLICATION_VIEW_EXAMPLE.evidence,
};
