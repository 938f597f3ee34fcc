import { FUNCTION_TYPES } from '@platform/contracts';
import {
  findLegalBasis,
  findMunicipality,
  findRegion,
  findTargetGroup,
  OFFER_LEGAL_BASIS_CODES,
  socialtilsynOf,
  SPECIALISATION_LEVELS,
  TARGET_GROUP_CODES,
} from '@platform/domain';
import { namedSchema } from '@platform/http';
import { z } from 'zod';
import { freePlacesOf } from './domain/offer';
import { OFFER_STATUSES } from './offer-directory';
import type { OfferDetails } from './offer-query';

// Ids are stored as PostgreSQL uuids; documented as such without zod's stricter RFC pattern.
const uuid = z.string().meta({ format: 'uuid' });
const isoDate = z.string().meta({ format: 'date', example: '2027-01-01' });
const codeAndName = z.object({ code: z.string(), name: z.string() });

/**
 * An offer as the directory shows it to any valid token: who runs it, on which legal bases, for whom, where,
 * under which Socialtilsyn, with how many places and how many are taken. No personal data: occupancy is a
 * count, never the citizens.
 */
export const offerViewSchema = namedSchema(
  'OfferView',
  z.object({
    id: uuid,
    version: z.number().int().meta({ description: 'Also the ETag: "<version>"' }),
    name: z.string(),
    operator: z.object({
      type: z.enum(['municipality', 'region']),
      code: z.string().meta({ example: '1084' }),
      name: z.string().meta({ example: 'Region Hovedstaden' }),
      privateProvider: z.object({ cvr: z.string(), name: z.string() }).optional(),
    }),
    legalBases: z.array(
      z.object({
        code: z.enum(OFFER_LEGAL_BASIS_CODES),
        reference: z.string().meta({ example: 'Serviceloven § 108' }),
      }),
    ),
    targetGroups: z.array(
      z.object({
        code: z.enum(TARGET_GROUP_CODES),
        ffbCode: z
          .string()
          .nullable()
          .meta({ description: 'KL FFB concept (urn:oid:1.2.208.176.2.22), if any' }),
        name: z.string(),
      }),
    ),
    level: z.enum(SPECIALISATION_LEVELS),
    places: z.number().int(),
    occupied: z
      .number()
      .int()
      .meta({ description: 'Belægning, from the referrals service’s placement events' }),
    freePlaces: z.number().int().meta({ description: 'Ledige pladser: places − occupied, never below 0' }),
    status: z.enum(OFFER_STATUSES),
    ratePerDay: z.string().nullable().meta({ description: 'Takst per døgn in DKK', example: '2450.50' }),
    address: z
      .object({
        street: z.string(),
        postalCode: z.string(),
        city: z.string(),
        municipality: codeAndName,
      })
      .meta({ description: "The offer's address; for a location-less intervention its parent's" }),
    locationLess: z.boolean().meta({ description: 'Matrikelløs indsats, declared under parentOfferId' }),
    parentOfferId: uuid.nullable(),
    supervisingAuthority: codeAndName.meta({ description: 'The Socialtilsyn of the address (rule 9)' }),
    interventions: z
      .array(
        z.object({
          id: uuid,
          name: z.string(),
          level: z.enum(SPECIALISATION_LEVELS),
          places: z.number().int(),
          status: z.enum(OFFER_STATUSES),
          targetGroups: z.array(z.enum(TARGET_GROUP_CODES)),
        }),
      )
      .meta({ description: 'The location-less interventions declared under this offer' }),
    functions: z
      .array(
        z.object({
          functionType: z.enum(FUNCTION_TYPES),
          targetGroup: z.enum(TARGET_GROUP_CODES),
          validFrom: isoDate,
          validTo: isoDate,
        }),
      )
      .meta({ description: 'Functions of the national specialty plan held today' }),
    updatedAt: z.string().meta({ format: 'date-time' }),
  }),
);

export type OfferView = z.infer<typeof offerViewSchema>;

export const offerPageSchema = namedSchema(
  'OfferPage',
  z.object({ items: z.array(offerViewSchema), nextCursor: z.string().nullable() }),
);

export type OfferPage = z.infer<typeof offerPageSchema>;

type View = OfferView;

/** The operator's name from the reference data: 'Aarhus Kommune', 'Region Hovedstaden'. */
function operatorName(type: string, code: string): string {
  const name = type === 'region' ? findRegion(code)?.name : findMunicipality(code)?.officialName;
  return name ?? code;
}

export function toOfferView(d: OfferDetails, occupied: number): OfferView {
  const municipality = findMunicipality(d.municipalityCode);
  const supervisor = socialtilsynOf(d.municipalityCode);
  return {
    id: d.id,
    version: d.version,
    name: d.name,
    operator: {
      type: d.operatorOrgType as View['operator']['type'],
      code: d.operatorOrgCode,
      name: operatorName(d.operatorOrgType, d.operatorOrgCode),
      ...(d.privateProviderCvr
        ? { privateProvider: { cvr: d.privateProviderCvr, name: d.privateProviderName ?? '' } }
        : {}),
    },
    legalBases: d.legalBases.map((code) => ({
      code: code as View['legalBases'][number]['code'],
      reference: findLegalBasis(code)?.reference ?? code,
    })),
    targetGroups: d.targetGroups.map((code) => {
      const group = findTargetGroup(code);
      return {
        code: code as View['targetGroups'][number]['code'],
        ffbCode: group?.ffbCode ?? null,
        name: group?.nameDa ?? code,
      };
    }),
    level: d.level as View['level'],
    places: d.places,
    occupied,
    freePlaces: freePlacesOf(d.places, occupied),
    status: d.status as View['status'],
    ratePerDay: d.ratePerDay,
    address: {
      street: d.street ?? '',
      postalCode: d.postalCode ?? '',
      city: d.city ?? '',
      municipality: { code: d.municipalityCode, name: municipality?.name ?? d.municipalityCode },
    },
    locationLess: d.locationLess,
    parentOfferId: d.parentOfferId,
    supervisingAuthority: { code: supervisor.code, name: supervisor.name },
    interventions: d.interventions as View['interventions'],
    functions: d.functions as View['functions'],
    updatedAt: new Date(d.updatedAt).toISOString(),
  };
}
