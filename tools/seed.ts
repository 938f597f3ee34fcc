/**
 * Demo data for `npm start`: the planning events specialty planning will publish once it exists (offers with
 * places, responsibility of target groups), then a few referrals created through the API with a municipal
 * system's real Keycloak token. Offers have fixed ids and versions and referrals fixed Idempotency-Keys, so seeding twice changes nothing.
 */
import { OfferUpdated, ResponsibilityChanged, type EventData } from '@platform/contracts';
import { closePublisher, getToken, publishEvent } from '@platform/testing';

const REFERRALS_URL = process.env.REFERRALS_URL ?? 'http://127.0.0.1:3001';

const OFFERS: EventData<typeof OfferUpdated>[] = [
  {
    offerId: '6a0f4b8e-1c2d-4e3f-9a4b-5c6d7e8f9a01',
    version: 1,
    name: 'Synscenter Hovedstaden',
    operatorOrgType: 'region',
    operatorOrgCode: '1084',
    level: 'HIGH',
    targetGroups: ['VISION'],
    places: 12,
    active: true,
  },
  {
    offerId: '6a0f4b8e-1c2d-4e3f-9a4b-5c6d7e8f9a02',
    version: 1,
    name: 'Autismecenter Midtjylland',
    operatorOrgType: 'region',
    operatorOrgCode: '1082',
    level: 'HIGH',
    targetGroups: ['AUTISM'],
    places: 8,
    active: true,
  },
  {
    offerId: '6a0f4b8e-1c2d-4e3f-9a4b-5c6d7e8f9a03',
    version: 1,
    name: 'Bo- og støttetilbud Aarhus',
    operatorOrgType: 'municipality',
    operatorOrgCode: '751',
    level: 'MODERATE',
    targetGroups: ['AUTISM'],
    places: 20,
    active: true,
  },
];

const RESPONSIBILITY: EventData<typeof ResponsibilityChanged>[] = [
  { targetGroup: 'VISION', responsibility: 'REGIONAL', effectiveFrom: '2026-01-01' },
  { targetGroup: 'ACQUIRED_BRAIN_INJURY', responsibility: 'REGIONAL', effectiveFrom: '2027-01-01' },
];

/** The Idempotency-Key makes a second seed a replay, not a second referral. */
async function createReferral(token: string, key: string, body: object): Promise<void> {
  const res = await fetch(`${REFERRALS_URL}/api/v1/referrals`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
  });
  if (res.status >= 300)
    throw new Error(`creating a demo referral failed: ${res.status} ${await res.text()}`);
}

async function main(): Promise<void> {
  const source = '/services/specialty-planning';
  try {
    for (const offer of OFFERS) await publishEvent(OfferUpdated, offer.offerId, offer, source);
    for (const change of RESPONSIBILITY)
      await publishEvent(ResponsibilityChanged, change.targetGroup, change, source);
  } finally {
    await closePublisher();
  }
  const token = await getToken('muni-101-system');
  await createReferral(token, 'demo-referral-0001', {
    cpr: '010190-1234',
    targetGroup: 'VISION',
    assessedLevel: 'HIGH',
    referralDate: '2026-01-15',
  });
  await createReferral(token, 'demo-referral-0002', {
    cpr: '2208154321',
    targetGroup: 'VISION',
    assessedLevel: 'MODERATE',
    referralDate: '2026-02-01',
    caseworkerDoubt: true,
  });
  console.log(
    `[seed] published ${OFFERS.length} offers and ${RESPONSIBILITY.length} responsibility changes; created demo referrals for municipality 101`,
  );
}

main().catch((error: unknown) => {
  console.error(`[seed] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
