import type { IdentityName } from '@platform/testing';
import { eventually, expectStatus } from './failure';
import type { Platform } from './platform';

/** The refusion bands in force since 2021 (SEL § 176, 2022 level; ../shared/reference/refusion.md). */
export const CURRENT_LAW_BANDS = [
  { threshold: '860000.00', percent: 25 },
  { threshold: '1680000.00', percent: 50 },
  { threshold: '2120000.00', percent: 75 },
];

/** Co-financing (rule 7): 10 % in the placement's first year, 25 % from its 13th month. */
export const CO_FINANCING = [
  { fromMonth: 1, sharePercent: 10 },
  { fromMonth: 13, sharePercent: 25 },
];

export interface RuleSetSpec {
  year: number;
  name: string;
  adviceCondition: 'NONE' | 'ADVICE_OBTAINED' | 'ADVICE_FOLLOWED';
  coFinancing?: typeof CO_FINANCING;
}

/** The state creates a rule set for the year (a DRAFT); its id and ETag. */
export async function createRuleSet(platform: Platform, spec: RuleSetSpec) {
  const res = await (
    await platform.financing.as('finance-state')
  )
    .post('/api/v1/rule-sets')
    .send({ effectiveFrom: `${spec.year}-01-01`, bands: CURRENT_LAW_BANDS, ...spec });
  expectStatus(`creating the rule set "${spec.name}"`, res, 201);
  return { id: (res.body as { id: string }).id, etag: res.headers.etag ?? '' };
}

/** The state creates the rule set and puts it in force: the latest in force for the year is the one used. */
export async function ruleSetInForce(platform: Platform, spec: RuleSetSpec): Promise<string> {
  const created = await createRuleSet(platform, spec);
  const res = await (
    await platform.financing.as('finance-state')
  )
    .post(`/api/v1/rule-sets/${created.id}/put-in-force`)
    .set('If-Match', created.etag);
  expectStatus(`putting the rule set "${spec.name}" in force`, res, 200);
  return created.id;
}

/**
 * Waits until financing lists the offer among the municipality's placements without a rate for the year
 * (`missingRates` of GET /cost-lines): financing has the placement from the referral events, so a rate set next
 * accrues its cost lines. (A rate committed while financing is still taking in the placement can leave both
 * without lines: the two transactions do not see each other; see the report of issue 13.)
 */
export async function waitForMissingRate(
  platform: Platform,
  municipality: IdentityName,
  offerId: string,
  year: number,
  timeoutMs: number,
): Promise<void> {
  await eventually(
    `financing to list offer ${offerId} among ${municipality}'s placements without a ${year} rate`,
    async () => {
      const res = await (await platform.financing.as(municipality)).get(`/api/v1/cost-lines?year=${year}`);
      expectStatus(`reading the cost lines of ${year} as ${municipality}`, res, 200);
      const missing = (res.body as { missingRates: { offerId: string; placements: number }[] }).missingRates;
      return missing.some((m) => m.offerId === offerId && m.placements > 0);
    },
    timeoutMs,
    500,
  );
}

/**
 * The offer's operator sets its day rate for the year, once financing has learnt the offer from specialty
 * planning's OfferUpdated (until then the offer is unknown there: 404).
 */
export async function setDayRate(
  platform: Platform,
  operator: IdentityName,
  offerId: string,
  year: number,
  amount: string,
  timeoutMs: number,
): Promise<void> {
  await eventually(
    `financing to learn offer ${offerId} and take its ${year} rate`,
    async () => {
      const res = await (
        await platform.financing.as(operator)
      )
        .put(`/api/v1/offers/${offerId}/rates/${year}`)
        .send({ unit: 'DAY', amount });
      if (res.status === 200) return true;
      throw new Error(`HTTP ${res.status} ${JSON.stringify(res.body)}`);
    },
    timeoutMs,
    500,
  );
}

/** A cost line as financing shows it. */
export interface CostLine {
  referralId: string;
  month: string;
  responsibility: string;
  payer: { type: string; code: string };
  days: number;
  amountOre: number;
  firstDay: string;
  citizenPseudonym?: string;
}

/** The referral's cost lines of the year as `who` sees them, once there are at least `atLeast`. */
export async function costLinesOf(
  platform: Platform,
  who: IdentityName,
  referralId: string,
  year: number,
  atLeast: number,
  timeoutMs: number,
): Promise<CostLine[]> {
  return eventually(
    `financing to derive ${atLeast} cost line(s) of ${year} for referral ${referralId}`,
    async () => {
      const res = await (await platform.financing.as(who)).get(`/api/v1/cost-lines?year=${year}`);
      expectStatus(`reading the cost lines of ${year} as ${who}`, res, 200);
      const own = (res.body as { items: CostLine[] }).items.filter((l) => l.referralId === referralId);
      return own.length >= atLeast ? own : undefined;
    },
    timeoutMs,
    500,
  );
}
