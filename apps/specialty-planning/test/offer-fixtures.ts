import type { TestService } from '@platform/testing';
import { randomUUID } from 'node:crypto';
import type { PrismaService } from '../src/database/prisma.service';

/** Every offer the offer and HSDS tests register starts with this, so a run can clear its predecessors'. */
export const TEST_PREFIX = 'T9A';

/** Addresses in municipalities of each test operator's region (Aalborg, Aarhus, Odense, Gentofte). */
export const ADDRESSES = {
  '1081': { street: 'Havnegade 1', postalCode: '9000', city: 'Aalborg', municipalityCode: '851' },
  '1082': { street: 'Fuglsangvej 1', postalCode: '8210', city: 'Aarhus V', municipalityCode: '751' },
  '1083': { street: 'Vestergade 2', postalCode: '5000', city: 'Odense C', municipalityCode: '461' },
  '1084': { street: 'Rymarksvej 1', postalCode: '2900', city: 'Hellerup', municipalityCode: '157' },
  '751': { street: 'Skovvej 12', postalCode: '8000', city: 'Aarhus C', municipalityCode: '751' },
} as const;

export const testName = (label: string) => `${TEST_PREFIX} ${label} ${randomUUID().slice(0, 8)}`;

/** A valid registration body with an address; `overrides` replace fields (undefined removes one). */
export function offerBody(operator: keyof typeof ADDRESSES, overrides: Record<string, unknown> = {}) {
  const body: Record<string, unknown> = {
    name: testName('offer'),
    legalBases: ['SEL_108'],
    targetGroups: ['VISION'],
    level: 'HIGH',
    places: 10,
    address: ADDRESSES[operator],
    ...overrides,
  };
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  return body;
}

/** Deletes the offers earlier runs of these tests registered (interventions first: they point at parents). */
export async function clearTestOffers(t: TestService<PrismaService>): Promise<void> {
  await t.db.$executeRaw`
    DELETE FROM offer_occupancy_day WHERE offer_id IN (SELECT id FROM offer WHERE name LIKE ${TEST_PREFIX + ' %'})`;
  await t.db
    .$executeRaw`DELETE FROM offer WHERE name LIKE ${TEST_PREFIX + ' %'} AND parent_offer_id IS NOT NULL`;
  await t.db.$executeRaw`DELETE FROM offer WHERE name LIKE ${TEST_PREFIX + ' %'}`;
}

/** Rows of the offer table and their events in the outbox, to prove a refused request wrote nothing. */
export async function writeCounts(t: TestService<PrismaService>) {
  const [{ offers, events }] = await t.db.$queryRaw<{ offers: number; events: number }[]>`
    SELECT (SELECT count(*)::int FROM offer) AS offers,
           (SELECT count(*)::int FROM outbox WHERE topic = 'planning.offer.v1') AS events`;
  return { offers, events };
}
