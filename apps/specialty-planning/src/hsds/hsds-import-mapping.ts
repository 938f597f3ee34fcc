import type { HsdsAttribute, HsdsDocument, HsdsOrganization, HsdsService } from './hsds.schema';
import { COST_OPTION_PER_DAY, CVR_SCHEME, IDENTIFIER_TYPES, LINK_TYPES } from './hsds-vocabulary';

/** One service read back as the body of POST /offers (unvalidated: the API's schema checks it next). */
export interface HsdsRecord {
  id: string;
  /** JSON pointer of the service in the document, for the errors the API's schema finds in `body`. */
  pointer: string;
  body: Record<string, unknown>;
}

export interface HsdsProblem {
  pointer: string;
  detail: string;
}

interface Operator {
  orgType: 'municipality' | 'region';
  orgCode: string;
}

/**
 * Reads an HSDS 3.0 document of the operator's offers (the inverse of toHsds): each service becomes an offer
 * declaration. A service whose organisation is neither the operator nor a private provider (CVR), whose place
 * is not exactly one location with an address (or a parent offer), or that lacks a required attribute is a
 * problem named by its JSON pointer; the caller writes nothing when there is any.
 */
export function fromHsds(
  doc: HsdsDocument,
  operator: Operator,
): { records: HsdsRecord[]; problems: HsdsProblem[] } {
  const problems: HsdsProblem[] = [];
  const records = doc.service.map((service, i) => {
    const pointer = `/service/${i}`;
    const problem = (path: string, detail: string) => problems.push({ pointer: `${pointer}${path}`, detail });
    return { id: service.id, pointer, body: serviceBody(doc, service, operator, problem) };
  });
  return { records, problems };
}

type Report = (path: string, detail: string) => void;

function serviceBody(doc: HsdsDocument, s: HsdsService, operator: Operator, problem: Report) {
  const linked = (type: string) =>
    s.attributes.map((a, i) => ({ a, i })).filter(({ a }) => a.link_type === type);
  const codes = (type: string) => linked(type).map(({ a, i }) => termCode(a, `/attributes/${i}`, problem));
  const single = (type: string) => {
    const found = linked(type);
    if (found.length !== 1) problem('/attributes', `needs exactly one attribute with link_type "${type}"`);
    return found[0];
  };
  const parent = linked(LINK_TYPES.parent)[0]?.a.value ?? undefined;
  const level = single(LINK_TYPES.level);
  const places = single(LINK_TYPES.places);
  return {
    name: s.name,
    legalBases: codes(LINK_TYPES.legalBasis),
    targetGroups: codes(LINK_TYPES.targetGroup),
    level: level && termCode(level.a, `/attributes/${level.i}`, problem),
    places: places && placesOf(places.a, `/attributes/${places.i}/value`, problem),
    status: s.status === 'active' ? 'ACTIVE' : 'INACTIVE',
    ...(parent !== undefined ? { parentOfferId: parent } : { address: addressOf(doc, s, problem) }),
    ...rateOf(s, problem),
    ...providerOf(doc, s, operator, problem),
  };
}

function termCode(a: HsdsAttribute, path: string, problem: Report): string | undefined {
  const code = a.taxonomy_term?.code;
  if (!code) problem(`${path}/taxonomy_term`, 'needs an embedded taxonomy_term with a code');
  return code;
}

function placesOf(a: HsdsAttribute, path: string, problem: Report): number | undefined {
  if (!a.value || !/^\d{1,6}$/.test(a.value)) {
    problem(path, 'must be the number of places, a whole number from 0');
    return undefined;
  }
  return Number(a.value);
}

function rateOf(s: HsdsService, problem: Report): { ratePerDay?: string } {
  const daily = s.cost_options.map((c, i) => ({ c, i })).filter(({ c }) => c.option === COST_OPTION_PER_DAY);
  if (daily.length === 0) return {};
  const { c, i } = daily[0];
  const amount = c.amount;
  if (c.currency !== 'DKK' || amount === undefined || !Number.isFinite(amount) || amount < 0) {
    problem(`/cost_options/${i}`, 'a daily rate needs currency DKK and a non-negative amount');
    return {};
  }
  const cents = Math.round(amount * 100);
  if (Math.abs(cents - amount * 100) > 1e-6) problem(`/cost_options/${i}/amount`, 'at most 2 decimals');
  return { ratePerDay: (cents / 100).toFixed(2) };
}

/** The address of the service's one location, with the municipality code its address attribute carries. */
function addressOf(doc: HsdsDocument, s: HsdsService, problem: Report) {
  const links = doc.service_at_location.filter((sal) => sal.service_id === s.id);
  if (links.length !== 1) {
    problem('', 'needs exactly one service_at_location (or a location_less_parent attribute)');
    return undefined;
  }
  const locationIndex = doc.location.findIndex((l) => l.id === links[0].location_id);
  const address = doc.location[locationIndex]?.addresses.find((a) => a.address_type === 'physical');
  if (!address) {
    problem('', `its location ${links[0].location_id} is missing or has no physical address`);
    return undefined;
  }
  const municipality = address.attributes.find((a) => a.link_type === LINK_TYPES.municipality);
  if (!municipality?.taxonomy_term?.code) {
    problem(
      `/location/${locationIndex}`,
      'the address needs a municipality attribute with the municipality code',
    );
  }
  return {
    street: [address.address_1, address.address_2].filter(Boolean).join(', '),
    postalCode: address.postal_code,
    city: address.city,
    municipalityCode: municipality?.taxonomy_term?.code,
  };
}

/** The service's organisation: the operator itself (no provider) or a private provider known by its CVR. */
function providerOf(doc: HsdsDocument, s: HsdsService, operator: Operator, problem: Report) {
  const org = doc.organization.find((o) => o.id === s.organization_id);
  if (!org) {
    problem('/organization_id', 'names no organization of the document');
    return {};
  }
  if (isOperator(org, operator)) return {};
  const cvr = org.organization_identifiers.find(
    (i) => i.identifier_scheme === CVR_SCHEME || i.identifier_type === IDENTIFIER_TYPES.cvr,
  );
  if (!cvr) {
    problem('/organization_id', 'is neither your organisation nor a private provider with a CVR number');
    return {};
  }
  return { privateProvider: { cvr: cvr.identifier, name: org.name } };
}

function isOperator(org: HsdsOrganization, operator: Operator): boolean {
  return org.organization_identifiers.some(
    (i) => i.identifier_type === IDENTIFIER_TYPES[operator.orgType] && i.identifier === operator.orgCode,
  );
}
