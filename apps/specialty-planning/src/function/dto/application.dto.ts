import { freeText, pageQuery } from '@platform/http';
import { z } from 'zod';
import {
  functionTypeInput,
  minimumYearlyVolumeInput,
  planningDate,
  targetGroupInput,
  validToNotBeforeValidFrom,
} from '../../common/api-fields';
import { APPLICATION_STATUSES } from '../domain/application-decision';

/**
 * Ansøgning om specialfunktion: the body of POST /api/v1/function-applications. Free text refuses a CPR
 * number: evidence is about the offer, never about a citizen.
 */
export const createApplicationSchema = z.strictObject({
  offerId: z.uuid().meta({ description: 'One of your own offers' }),
  targetGroup: targetGroupInput,
  functionType: functionTypeInput,
  evidence: z.strictObject({
    yearlyVolume: z.number().int().min(0).max(1_000_000).meta({ description: 'Citizens per year (volumen)' }),
    competences: freeText(4000, 10).meta({
      description: 'Kompetencer: the staff and knowledge the offer has',
    }),
    healthCooperation: freeText(4000, 10).meta({
      description: 'Samarbejde med sundhedsvæsenet: how the offer cooperates with the health sector',
    }),
  }),
});
export type CreateApplicationInput = z.infer<typeof createApplicationSchema>;

/** Godkendelse: the state approves with a validity period and a minimum yearly volume. */
export const approveApplicationSchema = z
  .strictObject({
    validFrom: planningDate,
    validTo: planningDate.meta({ description: 'The last day of validity (inclusive)' }),
    minimumYearlyVolume: minimumYearlyVolumeInput,
  })
  .superRefine(validToNotBeforeValidFrom);
export type ApproveApplicationInput = z.infer<typeof approveApplicationSchema>;

/** Afslag: the state rejects with a reason the operator reads. */
export const rejectApplicationSchema = z.strictObject({ reason: freeText(2000, 3) });
export type RejectApplicationInput = z.infer<typeof rejectApplicationSchema>;

/** Query of GET /api/v1/function-applications. */
export const listApplicationsQuery = z.strictObject({
  ...pageQuery,
  status: z.enum(APPLICATION_STATUSES).optional(),
  offerId: z.uuid().optional(),
});
export type ListApplicationsQuery = z.infer<typeof listApplicationsQuery>;
