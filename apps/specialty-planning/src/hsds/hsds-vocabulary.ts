import { FFB_CODE_SYSTEM } from '@platform/domain';

/**
 * How the directory's data sits in HSDS 3.0 fields (HSDS has no formal extension mechanism; its guidance is to
 * use the closest existing field and document it, docs/specialty-planning.md § HSDS):
 * - what HSDS has no field for is an `attribute` of the service (or address, location), its `link_type` saying
 *   what it describes and its `taxonomy_term` naming the code and the code system (`taxonomy`);
 * - a number or a reference (places, the parent offer) is the attribute's `value`.
 */
export const LINK_TYPES = {
  legalBasis: 'legal_basis',
  targetGroup: 'target_group',
  level: 'specialisation_level',
  places: 'places',
  parent: 'location_less_parent',
  municipality: 'municipality',
  supervisingAuthority: 'supervising_authority',
} as const;

export const TAXONOMIES = {
  legalBasis: 'urn:dk:social:legal-basis',
  /** KL's FFB code system: target groups that have an FFB concept are exported with its code. */
  ffb: FFB_CODE_SYSTEM,
  targetGroup: 'urn:dk:social:target-group',
  level: 'urn:dk:social:specialisation-level',
  directory: 'urn:dk:social:offer-directory',
  municipality: 'urn:dk:dagi:kommunekode',
  socialtilsyn: 'urn:dk:social:socialtilsyn',
} as const;

/** organization_identifier.identifier_type of an operator, and the CVR scheme of a private provider. */
export const IDENTIFIER_TYPES = {
  region: 'DAGI regionskode',
  municipality: 'DAGI kommunekode',
  cvr: 'CVR',
} as const;

/** org-id.guide's scheme for the Danish Central Business Register. */
export const CVR_SCHEME = 'DK-CVR';

export const COST_OPTION_PER_DAY = 'per day';
