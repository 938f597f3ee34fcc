import { isoInstantView, namedSchema, uuidView } from '@platform/http';
import { versionEtag } from '@platform/kit';
import { z } from 'zod';
import { AGREEMENT_STATUSES, type AgreementStatus } from './domain/agreement-status';
import type { AgreementRow } from './agreement.repository';

/** A social and special-education agreement of an election period between a region and a municipal council. */
export const agreementViewSchema = namedSchema(
  'FrameworkAgreementView',
  z.object({
    id: uuidView,
    frameworkAreaCode: z.string().meta({ example: 'RA-1082' }),
    regionCode: z.string().meta({ example: '1082' }),
    municipalityCode: z.string().meta({ example: '751' }),
    electionPeriod: z.string().meta({ example: '2026-2029' }),
    status: z.enum(AGREEMENT_STATUSES),
    version: z.number().int().meta({ description: 'Bumped on every change; the ETag is W/"<version>"' }),
    createdAt: isoInstantView,
    updatedAt: isoInstantView,
  }),
);

export const agreementListSchema = namedSchema(
  'FrameworkAgreementList',
  z.object({ items: z.array(agreementViewSchema) }),
);

export type AgreementView = z.infer<typeof agreementViewSchema>;

export const agreementEtag = (row: AgreementRow) => versionEtag(row.version);

export function toAgreementView(row: AgreementRow): AgreementView {
  return {
    id: row.id,
    frameworkAreaCode: row.frameworkAreaCode,
    regionCode: row.regionCode,
    municipalityCode: row.municipalityCode,
    electionPeriod: row.electionPeriod,
    status: row.status as AgreementStatus,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const AGREEMENT_EXAMPLE: AgreementView = {
  id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  frameworkAreaCode: 'RA-1082',
  regionCode: '1082',
  municipalityCode: '751',
  electionPeriod: '2026-2029',
  status: 'SIGNED',
  version: 3,
  createdAt: '2026-02-01T09:00:00.000Z',
  updatedAt: '2026-10-15T09:00:00.000Z',
};
