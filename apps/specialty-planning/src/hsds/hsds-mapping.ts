import {
  findLegalBasis,
  findMunicipality,
  findRegion,
  findTargetGroup,
  regionOfMunicipality,
  socialtilsynOf,
  SPECIALISATION_LEVEL_NAMES,
  type SpecialisationLevel,
} from '@platform/domain';
import { nameBasedId } from './hsds-ids';
import type { HsdsAttribute, HsdsDocument, HsdsLocation, HsdsOrganization, HsdsService } from './hsds.schema';
import { COST_OPTION_PER_DAY, CVR_SCHEME, IDENTIFIER_TYPES, LINK_TYPES, TAXONOMIES } from './hsds-vocabulary';

export { fromHsds, type HsdsProblem, type HsdsRecord } from './hsds-import-mapping';

/** An offer as the export needs it (the offer table's columns). */
export interface HsdsOffer {
  id: string;
  name: string;
  privateProviderCvr: string | null;
  privateProviderName: string | null;
  legalBases: string[];
  targetGroups: string[];
  level: string;
  places: number;
  ratePerDay: string | null;
  status: string;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  municipalityCode: string;
  parentOfferId: string | null;
}

/** The operator of the exported offers: the caller's organisation. */
export interface OperatorRef {
  orgType: 'municipality' | 'region';
  orgCode: string;
}

/** The organisation id of an operator and of a private provider: stable across exports. */
export const operatorOrganizationId = (op: OperatorRef) =>
  nameBasedId(`organization:${op.orgType}:${op.orgCode}`);
export const providerOrganizationId = (cvr: string) => nameBasedId(`organization:cvr:${cvr}`);
/** The location of an offer with an address of its own (an intervention has none: it uses its parent's). */
export const locationIdOf = (offerId: string) => nameBasedId(`location:${offerId}`);

/**
 * Exports offers as HSDS 3.0: one organization per operator and private provider, one service per offer (id =
 * offer id), one location per own address, one service_at_location per offer (an intervention's at its
 * parent's location). `on` is the date whose region names the addresses' state_province.
 */
export function toHsds(offers: readonly HsdsOffer[], operator: OperatorRef, on: string): HsdsDocument {
  const providers = new Map(
    offers.filter((o) => o.privateProviderCvr).map((o) => [o.privateProviderCvr!, o]),
  );
  return {
    organization: [
      operatorOrganization(operator),
      ...[...providers.values()].map((o) =>
        providerOrganization(o.privateProviderCvr!, o.privateProviderName ?? ''),
      ),
    ],
    service: offers.map((o) => service(o, operator)),
    location: offers.filter((o) => o.parentOfferId === null).map((o) => location(o, operator, on)),
    service_at_location: offers.map((o) => ({
      id: nameBasedId(`service_at_location:${o.id}`),
      service_id: o.id,
      location_id: locationIdOf(o.parentOfferId ?? o.id),
      ...(o.parentOfferId
        ? { description: 'Matrikelløs indsats, declared under the address of its parent offer' }
        : {}),
    })),
  };
}

function operatorOrganization(op: OperatorRef): HsdsOrganization {
  const id = operatorOrganizationId(op);
  const name =
    op.orgType === 'region'
      ? (findRegion(op.orgCode)?.name ?? op.orgCode)
      : (findMunicipality(op.orgCode)?.officialName ?? op.orgCode);
  return {
    id,
    name,
    description: 'Operator (driftsherre) of social offers in the specialty-planning directory',
    organization_identifiers: [
      {
        id: nameBasedId(`identifier:${id}`),
        organization_id: id,
        identifier_type: IDENTIFIER_TYPES[op.orgType],
        identifier: op.orgCode,
      },
    ],
  };
}

function providerOrganization(cvr: string, name: string): HsdsOrganization {
  const id = providerOrganizationId(cvr);
  return {
    id,
    name,
    description: 'Private provider (privat leverandør) of an offer run under an operating agreement',
    organization_identifiers: [
      {
        id: nameBasedId(`identifier:${id}`),
        organization_id: id,
        identifier_scheme: CVR_SCHEME,
        identifier_type: IDENTIFIER_TYPES.cvr,
        identifier: cvr,
      },
    ],
  };
}

function service(o: HsdsOffer, operator: OperatorRef): HsdsService {
  const attr = attributeFor(o.id, 'service');
  return {
    id: o.id,
    organization_id: o.privateProviderCvr
      ? providerOrganizationId(o.privateProviderCvr)
      : operatorOrganizationId(operator),
    name: o.name,
    status: o.status === 'ACTIVE' ? 'active' : 'inactive',
    attributes: [
      ...o.legalBases.map((code) =>
        attr(LINK_TYPES.legalBasis, {
          code,
          name: findLegalBasis(code)?.reference ?? code,
          description: findLegalBasis(code)?.titleDa ?? code,
          taxonomy: TAXONOMIES.legalBasis,
        }),
      ),
      ...o.targetGroups.map((code) => attr(LINK_TYPES.targetGroup, targetGroupTerm(code))),
      attr(LINK_TYPES.level, {
        code: o.level,
        name: SPECIALISATION_LEVEL_NAMES[o.level as SpecialisationLevel]?.da ?? o.level,
        description: 'Specialiseringsniveau',
        taxonomy: TAXONOMIES.level,
      }),
      attr(
        LINK_TYPES.places,
        { code: 'PLACES', name: 'Pladser', description: 'Number of places', taxonomy: TAXONOMIES.directory },
        String(o.places),
      ),
      ...(o.parentOfferId
        ? [
            attr(
              LINK_TYPES.parent,
              {
                code: 'LOCATION_LESS',
                name: 'Matrikelløs indsats',
                description: 'Declared under the offer named by value',
                taxonomy: TAXONOMIES.directory,
              },
              o.parentOfferId,
            ),
          ]
        : []),
    ],
    cost_options: o.ratePerDay
      ? [
          {
            id: nameBasedId(`cost_option:${o.id}`),
            service_id: o.id,
            option: COST_OPTION_PER_DAY,
            currency: 'DKK',
            amount: Number(o.ratePerDay),
            amount_description: 'Takst per døgn',
          },
        ]
      : [],
  };
}

/** A target group with an FFB concept goes out with its FFB code; the others with our code. */
function targetGroupTerm(code: string) {
  const group = findTargetGroup(code);
  return group?.ffbCode
    ? {
        code: group.ffbCode,
        name: group.ffbDisplay ?? group.nameDa,
        description: group.nameDa,
        taxonomy: TAXONOMIES.ffb,
      }
    : {
        code,
        name: group?.nameDa ?? code,
        description: group?.nameEn ?? code,
        taxonomy: TAXONOMIES.targetGroup,
      };
}

function location(o: HsdsOffer, operator: OperatorRef, on: string): HsdsLocation {
  const id = locationIdOf(o.id);
  const municipality = findMunicipality(o.municipalityCode);
  const supervisor = socialtilsynOf(o.municipalityCode);
  return {
    id,
    location_type: 'physical',
    organization_id: operatorOrganizationId(operator),
    name: o.name,
    addresses: [
      {
        id: nameBasedId(`address:${o.id}`),
        location_id: id,
        address_1: o.street ?? '',
        city: o.city ?? '',
        state_province: regionOfMunicipality(o.municipalityCode, on).name,
        postal_code: o.postalCode ?? '',
        country: 'DK',
        address_type: 'physical',
        attributes: [
          attributeFor(id, 'address')(LINK_TYPES.municipality, {
            code: o.municipalityCode,
            name: municipality?.name ?? o.municipalityCode,
            description: municipality?.officialName ?? o.municipalityCode,
            taxonomy: TAXONOMIES.municipality,
          }),
        ],
      },
    ],
    attributes: [
      attributeFor(id, 'location')(LINK_TYPES.supervisingAuthority, {
        code: supervisor.code,
        name: supervisor.name,
        description: 'Socialtilsyn of the address (lov om socialtilsyn § 2); derived, ignored on import',
        taxonomy: TAXONOMIES.socialtilsyn,
      }),
    ],
  };
}

interface Term {
  code: string;
  name: string;
  description: string;
  taxonomy: string;
}

/** An attribute of an object, with a term whose id is derived from its code system and code. */
function attributeFor(linkId: string, linkEntity: string) {
  return (linkType: string, term: Term, value?: string): HsdsAttribute => {
    const termId = nameBasedId(`taxonomy_term:${term.taxonomy}:${term.code}`);
    return {
      id: nameBasedId(`attribute:${linkId}:${linkType}:${term.code}`),
      link_id: linkId,
      link_type: linkType,
      link_entity: linkEntity,
      taxonomy_term_id: termId,
      ...(value === undefined ? {} : { value }),
      taxonomy_term: { id: termId, ...term },
    };
  };
}
