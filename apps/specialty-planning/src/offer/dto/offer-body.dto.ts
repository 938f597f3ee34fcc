import { isMunicipalityCode, OFFER_LEGAL_BASIS_CODES, SPECIALISATION_LEVELS } from '@platform/domain';
import { freeText } from '@platform/http';
import { z } from 'zod';
import { targetGroupInput } from '../../common/api-fields';
import { OFFER_STATUSES } from '../offer-directory';

/** A municipality of libs/domain by its 3-digit code. */
export const municipalityCodeInput = z
  .string()
  .regex(/^\d{3}$/, 'must be a 3-digit municipality code')
  .refine(isMunicipalityCode, 'is not a Danish municipality')
  .meta({ example: '751' });

export const addressSchema = z
  .strictObject({
    street: freeText(200, 1).meta({ example: 'Skovvej 12' }),
    postalCode: z
      .string()
      .regex(/^\d{4}$/, 'must be a 4-digit postal code')
      .meta({ example: '8000' }),
    city: freeText(100, 1).meta({ example: 'Aarhus C' }),
    municipalityCode: municipalityCodeInput,
  })
  .meta({ description: "The offer's own address (beliggenhed); it decides the supervising Socialtilsyn" });

/** Takst per day in DKK, as a decimal string: never a float, so øre are not lost. */
export const rateInput = z
  .string()
  .regex(/^\d{1,10}(\.\d{1,2})?$/, 'must be an amount in DKK with at most 2 decimals, e.g. "2450.50"')
  .meta({ description: 'Takst per døgn in DKK', example: '2450.50' });

/** The fields an operator declares about an offer, on registration and on every edit. */
const declaration = {
  name: freeText(200, 1).meta({ description: 'The name of the offer', example: 'Synscenter Vest' }),
  legalBases: z
    .array(z.enum(OFFER_LEGAL_BASIS_CODES))
    .min(1)
    .max(10)
    .meta({ description: 'Juridisk grundlag: SEL / Barnets lov provisions', example: ['SEL_108'] }),
  targetGroups: z.array(targetGroupInput).min(1).max(20),
  level: z.enum(SPECIALISATION_LEVELS).meta({ description: 'Specialiseringsniveau' }),
  address: addressSchema.optional(),
  parentOfferId: z
    .uuid()
    .optional()
    .meta({
      description:
        'For a location-less intervention (matrikelløs indsats): one of your offers with an address, under which ' +
        'it is declared. Exactly one of address and parentOfferId.',
    }),
  ratePerDay: rateInput.optional(),
  status: z.enum(OFFER_STATUSES).default('ACTIVE'),
};

/** Exactly one of an address of its own and a parent offer (rule 9). */
function oneLocation(body: { address?: unknown; parentOfferId?: unknown }, ctx: z.RefinementCtx): void {
  if ((body.address === undefined) === (body.parentOfferId === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: [body.address === undefined ? 'address' : 'parentOfferId'],
      message:
        'give exactly one of address (the offer has its own) and parentOfferId (a location-less intervention)',
    });
  }
}

/** Registrér tilbud: the body of POST /api/v1/offers. */
export const registerOfferSchema = z
  .strictObject({
    ...declaration,
    places: z.number().int().min(0).max(100_000).meta({ description: 'Pladser', example: 12 }),
    privateProvider: z
      .strictObject({
        cvr: z.string().regex(/^\d{8}$/, 'must be an 8-digit CVR number'),
        name: freeText(200, 1),
      })
      .optional()
      .meta({ description: 'The private provider whose offer you hold the operating agreement for' }),
  })
  .superRefine(oneLocation);

/**
 * PUT /api/v1/offers/:id: the whole declaration again (places have their own endpoint, the operator and the
 * private provider are fixed). Left-out optional fields take their defaults, as on registration.
 */
export const editOfferSchema = z.strictObject(declaration).superRefine(oneLocation);

export const placesSchema = z.strictObject({
  places: z.number().int().min(0).max(100_000).meta({ description: 'Pladser (never below 0)', example: 14 }),
});

export type RegisterOfferInput = z.infer<typeof registerOfferSchema>;
export type EditOfferInput = z.infer<typeof editOfferSchema>;
export type PlacesInput = z.infer<typeof placesSchema>;
