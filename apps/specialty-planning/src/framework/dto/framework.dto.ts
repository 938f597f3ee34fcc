import { calendarDate } from '@platform/http';
import { z } from 'zod';
import { AGREEMENT_STATUSES } from '../domain/agreement-status';

export const areaOnQuery = z.strictObject({
  on: calendarDate.optional().meta({
    description: 'The date (YYYY-MM-DD); today in Denmark when left out (for an ended area: its last day)',
  }),
});
export type AreaOnQuery = z.infer<typeof areaOnQuery>;

/** Body of POST /api/v1/framework-areas/{code}/agreements. */
export const createAgreementSchema = z.strictObject({
  municipalityCode: z
    .string()
    .max(8)
    .meta({ description: 'The municipal council party to the agreement (101 or 0101)', example: '751' }),
  electionPeriod: z
    .string()
    .max(16)
    .meta({ description: 'Valgperiode: four years from 1 January after the election', example: '2026-2029' }),
  status: z.enum(AGREEMENT_STATUSES).default('DRAFT').meta({ description: 'DRAFT when left out' }),
});
export type CreateAgreementInput = z.infer<typeof createAgreementSchema>;

/** Body of PUT …/agreements/{id}/status. */
export const agreementStatusSchema = z.strictObject({ status: z.enum(AGREEMENT_STATUSES) });
export type AgreementStatusInput = z.infer<typeof agreementStatusSchema>;

export const listAgreementsQuery = z.strictObject({
  electionPeriod: z
    .string()
    .max(16)
    .optional()
    .meta({ description: 'Only this election period (2026-2029)' }),
  municipalityCode: z.string().max(8).optional().meta({ description: 'Only this municipality' }),
  status: z.enum(AGREEMENT_STATUSES).optional(),
});
export type ListAgreementsQuery = z.infer<typeof listAgreementsQuery>;
