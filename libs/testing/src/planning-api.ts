import { todayInDenmark, type SpecialisationLevel } from '@platform/domain';
import { TEST_IDENTITIES, type IdentityName } from './identities';
import type { AuthorizedAgent } from './service-harness';

/**
 * Specialty planning as other services' tests and the benchmarks meet it: through its API only, with the test
 * identities (the regions' planners operate offers and apply, the state approves). Each call fails loudly with
 * the answer when the service refuses, so a test never goes on from a half-made fixture.
 */

/** A service reached through its API: a ServiceProcess (its own process) or a TestService (in-process). */
export interface ServiceApi {
  as(identity: IdentityName): Promise<AuthorizedAgent>;
}

/** The test identity of that name; an organisation without one cannot act in a test. */
export function testIdentity(name: string): IdentityName {
  if (!(name in TEST_IDENTITIES)) throw new Error(`no test identity ${name}`);
  return name as IdentityName;
}

/** Where each test operator's offers are: an address in one of its municipalities (Gentofte, Aarhus). */
export const TEST_OFFER_ADDRESS = {
  '1084': { street: 'Rymarksvej 1', postalCode: '2900', city: 'Hellerup', municipalityCode: '157' },
  '1082': { street: 'Fuglsangvej 1', postalCode: '8210', city: 'Aarhus V', municipalityCode: '751' },
} as const;
export type TestOperator = keyof typeof TEST_OFFER_ADDRESS;

export interface OfferSpec {
  name?: string;
  level?: SpecialisationLevel;
  targetGroups?: string[];
  places?: number;
  /** The operating region: its planner registers the offer. */
  operatorOrgCode?: TestOperator;
  active?: boolean;
}

export interface RegisteredOffer {
  offerId: string;
  operatorOrgCode: TestOperator;
  places: number;
}

type Answer = { status: number; body: unknown; headers: Record<string, string> };

function expectStatus(what: string, res: Answer, ...ok: number[]): void {
  if (!ok.includes(res.status)) throw new Error(`${what} failed: ${res.status} ${JSON.stringify(res.body)}`);
}

/** The operator registers an offer in the directory (OfferUpdated follows). */
export async function registerOffer(planning: ServiceApi, spec: OfferSpec = {}): Promise<RegisteredOffer> {
  const operator = spec.operatorOrgCode ?? '1084';
  const places = spec.places ?? 12;
  const res = await (await planning.as(`planner-${operator}`)).post('/api/v1/offers').send({
    name: spec.name ?? 'Synscenter Hovedstaden (test)',
    legalBases: ['SEL_108'],
    targetGroups: spec.targetGroups ?? ['VISION'],
    level: spec.level ?? 'HIGH',
    places,
    address: TEST_OFFER_ADDRESS[operator],
    status: spec.active === false ? 'INACTIVE' : 'ACTIVE',
  });
  expectStatus('offer registration', res, 201);
  return { offerId: (res.body as { id: string }).id, operatorOrgCode: operator, places };
}

export interface FunctionSpec {
  offerId: string;
  /** The offer's operator: its planner applies. */
  operatorOrgCode: string;
  targetGroup: string;
  functionType?: 'ADVISORY_FUNCTION' | 'SPECIAL_FUNCTION';
  /** Default: 1 January this year. */
  validFrom?: string;
  /** The last day (inclusive). Default: 31 December four years on. */
  validTo?: string;
  minimumYearlyVolume?: number;
}

/**
 * The operator applies for a function for its offer, with evidence, and the state approves it with a validity
 * period: specialty planning publishes FunctionApproved. Returns specialty planning's id of the function.
 */
export async function approveFunction(planning: ServiceApi, spec: FunctionSpec): Promise<string> {
  const year = Number(todayInDenmark().slice(0, 4));
  const applied = await (
    await planning.as(testIdentity(`planner-${spec.operatorOrgCode}`))
  )
    .post('/api/v1/function-applications')
    .send({
      offerId: spec.offerId,
      targetGroup: spec.targetGroup,
      functionType: spec.functionType ?? 'ADVISORY_FUNCTION',
      evidence: {
        yearlyVolume: 40,
        competences: 'Tværfagligt team med specialviden om målgruppen',
        healthCooperation: 'Fast samarbejdsaftale med regionens sygehuse',
      },
    });
  expectStatus('function application', applied, 201);
  const approved = await (
    await planning.as('planner-state')
  )
    .post(`/api/v1/function-applications/${(applied.body as { id: string }).id}/approve`)
    .set('If-Match', applied.headers.etag)
    .send({
      validFrom: spec.validFrom ?? `${year}-01-01`,
      validTo: spec.validTo ?? `${year + 4}-12-31`,
      minimumYearlyVolume: spec.minimumYearlyVolume ?? 30,
    });
  expectStatus('function approval', approved, 200);
  return (approved.body as { functionId: string }).functionId;
}

interface OfferView {
  name: string;
  operator: { code: string };
  legalBases: { code: string }[];
  targetGroups: { code: string }[];
  level: string;
  status: string;
  ratePerDay: string | null;
  address: { street: string; postalCode: string; city: string; municipality: { code: string } } | null;
  parentOfferId: string | null;
}

/**
 * Its operator sets an offer INACTIVE (PUT takes the whole declaration, so the rest is sent as it is):
 * OfferUpdated says `active: false`. False when it was inactive already; an error when no test identity
 * operates it.
 */
export async function deactivateOffer(planning: ServiceApi, offerId: string): Promise<boolean> {
  const read = await (await planning.as('planner-state')).get(`/api/v1/offers/${offerId}`);
  expectStatus('offer read', read, 200);
  const offer = read.body as OfferView;
  if (offer.status === 'INACTIVE') return false;
  const res = await (
    await planning.as(testIdentity(`planner-${offer.operator.code}`))
  )
    .put(`/api/v1/offers/${offerId}`)
    .set('If-Match', read.headers.etag)
    .send({
      name: offer.name,
      legalBases: offer.legalBases.map((b) => b.code),
      targetGroups: offer.targetGroups.map((g) => g.code),
      level: offer.level,
      ...(offer.address
        ? {
            address: {
              street: offer.address.street,
              postalCode: offer.address.postalCode,
              city: offer.address.city,
              municipalityCode: offer.address.municipality.code,
            },
          }
        : { parentOfferId: offer.parentOfferId }),
      ...(offer.ratePerDay ? { ratePerDay: offer.ratePerDay } : {}),
      status: 'INACTIVE',
    });
  expectStatus('offer deactivation', res, 200);
  return true;
}

/** The offers holding a function of the type for the target group, today or later (every page). */
export async function offersHoldingFunction(
  planning: ServiceApi,
  targetGroup: string,
  functionType: 'ADVISORY_FUNCTION' | 'SPECIAL_FUNCTION',
): Promise<string[]> {
  const offers = new Set<string>();
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ targetGroup, functionType, limit: '200' });
    if (cursor) query.set('cursor', cursor);
    const res = await (await planning.as('planner-state')).get(`/api/v1/functions?${query}`);
    expectStatus('function list', res, 200);
    const page = res.body as { items: { offerId: string }[]; nextCursor: string | null };
    for (const item of page.items) offers.add(item.offerId);
    cursor = page.nextCursor;
  } while (cursor);
  return [...offers];
}
