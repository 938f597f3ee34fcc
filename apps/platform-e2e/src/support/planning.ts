import type { IdentityName } from '@platform/testing';
import { eventually, expectStatus } from './failure';
import type { Platform } from './platform';

/** An address in a municipality of each operator the demo identities can act for (its own area). */
export const OPERATOR_ADDRESSES = {
  '1081': { street: 'Havnegade 1', postalCode: '9000', city: 'Aalborg', municipalityCode: '851' },
  '1082': { street: 'Skejbyvej 1', postalCode: '8240', city: 'Risskov', municipalityCode: '751' },
  '1083': { street: 'Vestergade 2', postalCode: '5000', city: 'Odense C', municipalityCode: '461' },
  '1084': { street: 'Rymarksvej 1', postalCode: '2900', city: 'Hellerup', municipalityCode: '157' },
  '751': { street: 'Søren Frichs Vej 1', postalCode: '8230', city: 'Åbyhøj', municipalityCode: '751' },
} as const;
export type Operator = keyof typeof OPERATOR_ADDRESSES;

export interface OfferDeclaration {
  name: string;
  targetGroups: string[];
  level: 'GENERAL' | 'LIGHT' | 'MODERATE' | 'HIGH';
  places: number;
  legalBases?: string[];
  ratePerDay?: string;
}

/** An offer as the directory shows it (the fields the scenarios look at). */
export interface OfferView {
  id: string;
  name: string;
  version: number;
  operator: { type: string; code: string };
  places: number;
  occupied: number;
  freePlaces: number;
  locationLess: boolean;
  parentOfferId: string | null;
  address: { street: string; municipality: { code: string; name: string } } | null;
  supervisingAuthority: { code: string; name: string } | null;
  interventions?: { id: string; name: string; places: number }[];
}

/** The operator's planner registers an offer at its address (specialty planning publishes OfferUpdated). */
export async function registerOffer(
  platform: Platform,
  operator: Operator,
  offer: OfferDeclaration,
): Promise<OfferView> {
  const res = await (
    await platform.planning.as(`planner-${operator}`)
  )
    .post('/api/v1/offers')
    .send({ legalBases: ['SEL_108'], ...offer, address: OPERATOR_ADDRESSES[operator] });
  expectStatus(`registering the offer "${offer.name}" as planner-${operator}`, res, 201);
  return res.body as OfferView;
}

export async function readOffer(platform: Platform, who: IdentityName, offerId: string): Promise<OfferView> {
  const res = await (await platform.planning.as(who)).get(`/api/v1/offers/${offerId}`);
  expectStatus(`reading offer ${offerId} as ${who}`, res, 200);
  return res.body as OfferView;
}

interface TimelineView {
  timeline: { responsibility: string; effectiveFrom: string }[];
}

/** The target group's responsibility on a date, from specialty planning's timeline. */
export async function responsibilityOn(
  platform: Platform,
  targetGroup: string,
  date: string,
): Promise<string> {
  const res = await (await platform.planning.as('planner-state')).get(`/api/v1/target-groups/${targetGroup}`);
  expectStatus(`reading target group ${targetGroup}`, res, 200);
  const timeline = (res.body as TimelineView).timeline
    .filter((c) => c.effectiveFrom <= date)
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  return timeline.at(-1)?.responsibility ?? 'MUNICIPAL';
}

/**
 * The state makes the target group regional from `from`; when decided placements already lie after that date
 * (responsibility never changes retroactively) from the earliest date specialty planning allows. The date used.
 */
export async function makeRegional(platform: Platform, targetGroup: string, from: string): Promise<string> {
  const state = await platform.planning.as('planner-state');
  const path = `/api/v1/target-groups/${targetGroup}/responsibility-changes`;
  const res = await state.post(path).send({ responsibility: 'REGIONAL', effectiveFrom: from });
  if (res.status === 409 && (res.body as { earliestAllowed?: string }).earliestAllowed) {
    const earliest = (res.body as { earliestAllowed: string }).earliestAllowed;
    expectStatus(
      `making ${targetGroup} regional from ${earliest}`,
      await state.post(path).send({ responsibility: 'REGIONAL', effectiveFrom: earliest }),
      200,
      201,
    );
    return earliest;
  }
  expectStatus(`making ${targetGroup} regional from ${from}`, res, 200, 201);
  return from;
}

/** Waits until knowledge's roster lists the offer as a knowledge environment for the target group. */
export async function waitForKnowledgeEnvironment(
  platform: Platform,
  offerId: string,
  targetGroup: string,
  timeoutMs: number,
): Promise<void> {
  await eventually(
    `knowledge to list offer ${offerId} as a ${targetGroup} knowledge environment`,
    async () => {
      const res = await (
        await platform.knowledge.as('planner-state')
      ).get(`/api/v1/knowledge-environments?targetGroup=${targetGroup}&activeOnly=false`);
      return (
        res.status === 200 &&
        (res.body as { items: { offerId: string }[] }).items.some((e) => e.offerId === offerId)
      );
    },
    timeoutMs,
    500,
  );
}
