import { namedSchema } from '@platform/http';
import { z } from 'zod';

/**
 * The part of an Open Referral HSDS 3.0 document the directory reads and writes (objects keep the spec's field
 * names; fields we do not use are allowed and ignored on import). Limits keep one import to a bounded size.
 */
const text = (max: number) => z.string().max(max);

const taxonomyTerm = z.object({
  id: text(64),
  code: text(100).optional(),
  name: text(300),
  description: text(1000),
  taxonomy: text(200).optional(),
  term_uri: text(300).optional(),
});

const attribute = z.object({
  id: text(64),
  link_id: text(64).optional(),
  link_type: text(100).optional(),
  link_entity: text(100).optional(),
  taxonomy_term_id: text(64).optional(),
  value: text(200).nullish(),
  taxonomy_term: taxonomyTerm.optional(),
});

const costOption = z.object({
  id: text(64),
  service_id: text(64).optional(),
  option: text(200).optional(),
  currency: text(3).optional(),
  amount: z.number().optional(),
  amount_description: text(300).optional(),
});

const service = z.object({
  id: text(64),
  organization_id: text(64).optional(),
  name: text(300),
  description: text(2000).optional(),
  status: z.enum(['active', 'inactive', 'defunct', 'temporarily closed']),
  attributes: z.array(attribute).max(100).default([]),
  cost_options: z.array(costOption).max(20).default([]),
});

const organizationIdentifier = z.object({
  id: text(64),
  organization_id: text(64).optional(),
  identifier_scheme: text(100).optional(),
  identifier_type: text(100),
  identifier: text(100),
});

const organization = z.object({
  id: text(64),
  name: text(300),
  description: text(2000),
  organization_identifiers: z.array(organizationIdentifier).max(20).default([]),
});

const address = z.object({
  id: text(64),
  location_id: text(64).optional(),
  address_1: text(300),
  address_2: text(300).nullish(),
  city: text(200),
  region: text(200).nullish(),
  state_province: text(200),
  postal_code: text(20),
  country: text(2),
  address_type: z.enum(['physical', 'postal', 'virtual']),
  attributes: z.array(attribute).max(20).default([]),
});

const location = z.object({
  id: text(64),
  location_type: z.enum(['physical', 'postal', 'virtual']),
  organization_id: text(64).optional(),
  name: text(300).optional(),
  addresses: z.array(address).max(10).default([]),
  attributes: z.array(attribute).max(20).default([]),
});

const serviceAtLocation = z.object({
  id: text(64),
  service_id: text(64),
  location_id: text(64),
  description: text(1000).optional(),
});

/** An HSDS 3.0 export or import of one operator's offers. */
export const hsdsDocumentSchema = namedSchema(
  'HsdsDocument',
  z.object({
    organization: z.array(organization).max(1000).default([]),
    service: z.array(service).max(5000),
    location: z.array(location).max(5000).default([]),
    service_at_location: z.array(serviceAtLocation).max(10000).default([]),
  }),
);

export type HsdsDocument = z.infer<typeof hsdsDocumentSchema>;
export type HsdsService = HsdsDocument['service'][number];
export type HsdsOrganization = HsdsDocument['organization'][number];
export type HsdsLocation = HsdsDocument['location'][number];
export type HsdsAttribute = HsdsService['attributes'][number];

export const hsdsImportResultSchema = namedSchema(
  'HsdsImportResult',
  z.object({
    created: z.array(z.string().meta({ format: 'uuid' })),
    updated: z.array(z.string().meta({ format: 'uuid' })),
    unchanged: z.array(z.string().meta({ format: 'uuid' })),
  }),
);

export type HsdsImportResult = z.infer<typeof hsdsImportResultSchema>;
