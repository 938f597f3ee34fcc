/**
 * Demo data for `npm start`, entered the way the users enter it, through the services' APIs with real Keycloak
 * tokens: the regions register their offers in specialty planning, the state sets target-group responsibility and
 * approves specialty plan version 1 (the services publish the events; referrals and knowledge learn of them over
 * Kafka), then a municipal case system creates a few referrals and submits the first: it needs advice, so knowledge
 * opens its advice case for Hovedstaden's advisors (advisor-1084). Every step first looks whether it is already
 * done, and referrals carry fixed Idempotency-Keys, so seeding twice changes nothing.
 */
import { getToken, type IdentityName } from '@platform/testing';

const PLANNING_URL = process.env.SPECIALTY_PLANNING_URL ?? 'http://127.0.0.1:3002';
const REFERRALS_URL = process.env.REFERRALS_URL ?? 'http://127.0.0.1:3001';
const KNOWLEDGE_URL = process.env.KNOWLEDGE_URL ?? 'http://127.0.0.1:3003';

interface DemoOffer {
  operator: IdentityName;
  body: {
    name: string;
    legalBases: string[];
    targetGroups: string[];
    level: string;
    places: number;
    ratePerDay: string;
    address: { street: string; postalCode: string; city: string; municipalityCode: string };
  };
}

const OFFERS: DemoOffer[] = [
  {
    operator: 'planner-1084',
    body: {
      name: 'Synscenter Hovedstaden',
      legalBases: ['SEL_108'],
      targetGroups: ['VISION'],
      level: 'HIGH',
      places: 12,
      ratePerDay: '4500.00',
      address: { street: 'Rymarksvej 1', postalCode: '2900', city: 'Hellerup', municipalityCode: '157' },
    },
  },
  {
    operator: 'planner-1082',
    body: {
      name: 'Autismecenter Midtjylland',
      legalBases: ['SEL_108', 'SEL_104'],
      targetGroups: ['AUTISM'],
      level: 'HIGH',
      places: 8,
      ratePerDay: '5200.00',
      address: { street: 'Skejbyvej 1', postalCode: '8240', city: 'Risskov', municipalityCode: '751' },
    },
  },
  {
    operator: 'planner-751',
    body: {
      name: 'Bo- og støttetilbud Aarhus',
      legalBases: ['SEL_107'],
      targetGroups: ['AUTISM'],
      level: 'MODERATE',
      places: 20,
      ratePerDay: '2900.00',
      address: { street: 'Søren Frichs Vej 1', postalCode: '8230', city: 'Åbyhøj', municipalityCode: '751' },
    },
  },
];

const RESPONSIBILITY = [
  { targetGroup: 'VISION', responsibility: 'REGIONAL', effectiveFrom: '2026-01-01' },
  { targetGroup: 'ACQUIRED_BRAIN_INJURY', responsibility: 'REGIONAL', effectiveFrom: '2027-01-01' },
];

async function call(base: string, identity: IdentityName, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { authorization: `Bearer ${await getToken(identity)}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path} as ${identity}: ${res.status} ${text}`);
  return {
    body: (text ? JSON.parse(text) : undefined) as Record<string, unknown>,
    etag: res.headers.get('etag'),
  };
}

const planning = (identity: IdentityName, method: string, path: string, body?: unknown) =>
  call(PLANNING_URL, identity, method, path, body);

/** Registers each offer its operator does not have yet (by name); returns the offer ids by name. */
async function seedOffers(): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const offer of OFFERS) {
    const own = await planning(
      offer.operator,
      'GET',
      `/api/v1/offers?operator=${offer.operator.split('-')[1]}&limit=200`,
    );
    const items = own.body.items as { id: string; name: string }[];
    const found = items.find((o) => o.name === offer.body.name);
    const id =
      found?.id ?? ((await planning(offer.operator, 'POST', '/api/v1/offers', offer.body)).body.id as string);
    ids.set(offer.body.name, id);
  }
  return ids;
}

async function seedResponsibility(): Promise<void> {
  for (const change of RESPONSIBILITY) {
    const group = await planning('planner-state', 'GET', `/api/v1/target-groups/${change.targetGroup}`);
    const timeline = group.body.timeline as { responsibility: string; effectiveFrom: string }[];
    if (timeline.some((c) => c.responsibility === change.responsibility)) continue;
    await changeResponsibility(change);
  }
}

/**
 * Responsibility never changes retroactively over decided placements: where the broker already carried decided
 * referrals (tests ran against this stack), the change is made from the earliest date the service allows.
 */
async function changeResponsibility(change: (typeof RESPONSIBILITY)[number]): Promise<void> {
  const path = `/api/v1/target-groups/${change.targetGroup}/responsibility-changes`;
  const body = { responsibility: change.responsibility, effectiveFrom: change.effectiveFrom };
  try {
    await planning('planner-state', 'POST', path, body);
  } catch (error) {
    const allowed = /"earliestAllowed":"(\d{4}-\d{2}-\d{2})"/.exec(String(error))?.[1];
    if (!allowed) throw error;
    console.log(
      `[seed] ${change.targetGroup}: ${change.responsibility} from ${allowed} (referrals are decided after ${change.effectiveFrom})`,
    );
    await planning('planner-state', 'POST', path, { ...body, effectiveFrom: allowed });
  }
}

/** Specialty plan version 1 (scenario 1): Synscenter Hovedstaden holds both VISION functions for five years. */
async function seedPlan(synscenter: string): Promise<void> {
  const plans = await planning('planner-state', 'GET', '/api/v1/specialty-plans');
  if ((plans.body.items as unknown[]).length > 0) return;
  const entry = {
    targetGroup: 'VISION',
    offerId: synscenter,
    validFrom: '2026-01-01',
    validTo: '2030-12-31',
  };
  const draft = await planning('planner-state', 'POST', '/api/v1/specialty-plans', {
    title: 'Specialeplan for det højt specialiserede socialområde, version 1',
    effectiveFrom: '2026-01-01',
    entries: [
      { ...entry, functionType: 'SPECIAL_FUNCTION', minimumYearlyVolume: 30 },
      { ...entry, functionType: 'ADVISORY_FUNCTION', minimumYearlyVolume: 30 },
    ],
  });
  const id = draft.body.id as string;
  const consultation = await stateCommand(`/api/v1/specialty-plans/${id}/consultation`, draft.etag);
  await stateCommand(`/api/v1/specialty-plans/${id}/approve`, consultation);
}

async function stateCommand(path: string, etag: string | null): Promise<string | null> {
  const res = await fetch(`${PLANNING_URL}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await getToken('planner-state')}`, 'if-match': etag ?? '' },
  });
  if (res.status >= 300) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  return res.headers.get('etag');
}

/** The Idempotency-Key makes a second seed a replay, not a second referral. Its id. */
async function createReferral(key: string, body: object): Promise<string> {
  const res = await fetch(`${REFERRALS_URL}/api/v1/referrals`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await getToken('muni-101-system')}`,
      'content-type': 'application/json',
      'idempotency-key': key,
    },
    body: JSON.stringify(body),
  });
  if (res.status >= 300)
    throw new Error(`creating a demo referral failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

/**
 * Waits until knowledge's roster holds the offer's advisory function (from the plan's events), so the advice
 * case of a referral submitted next is assigned to the offer's region and not, for want of one, nationally.
 */
async function waitForKnowledgeEnvironment(offerId: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    const roster = await call(KNOWLEDGE_URL, 'planner-state', 'GET', '/api/v1/knowledge-environments');
    if ((roster.body.items as { offerId: string }[]).some((e) => e.offerId === offerId)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('knowledge did not learn the advisory function of specialty plan version 1 within 60 s');
}

/** Submits a demo referral still in DRAFT: a HIGH level needs advice, and knowledge opens its advice case. */
async function submitReferral(id: string): Promise<void> {
  const referral = await call(REFERRALS_URL, 'muni-101-system', 'GET', `/api/v1/referrals/${id}`);
  if (referral.body.status !== 'DRAFT') return;
  const res = await fetch(`${REFERRALS_URL}/api/v1/referrals/${id}/submit`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await getToken('muni-101-system')}`,
      'if-match': referral.etag ?? '',
    },
  });
  if (res.status >= 300)
    throw new Error(`submitting a demo referral failed: ${res.status} ${await res.text()}`);
}

async function main(): Promise<void> {
  const offers = await seedOffers();
  await seedResponsibility();
  const synscenter = offers.get('Synscenter Hovedstaden')!;
  await seedPlan(synscenter);
  const needingAdvice = await createReferral('demo-referral-0001', {
    cpr: '010190-1234',
    targetGroup: 'VISION',
    assessedLevel: 'HIGH',
    referralDate: '2026-01-15',
  });
  await createReferral('demo-referral-0002', {
    cpr: '2208154321',
    targetGroup: 'VISION',
    assessedLevel: 'MODERATE',
    referralDate: '2026-02-01',
    caseworkerDoubt: true,
  });
  await waitForKnowledgeEnvironment(synscenter);
  await submitReferral(needingAdvice);
  console.log(
    `[seed] ${offers.size} offers, ${RESPONSIBILITY.length} responsibility changes and specialty plan version 1 in specialty planning; demo referrals for municipality 101, the first submitted (its advice case in knowledge, for advisor-1084)`,
  );
}

main().catch((error: unknown) => {
  console.error(`[seed] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
