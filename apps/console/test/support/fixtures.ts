import { eventually, registerOffer, testDatabaseUrl, type ServiceProcess } from '@platform/testing';
import { Client } from 'pg';

/** A new AUTISM offer of region 1084, known to the referrals service (its read model) before it returns. */
export async function offerForTheRun(planning: ServiceProcess, tag: string): Promise<string> {
  const { offerId } = await registerOffer(planning, {
    name: `Konsoltest autismecenter ${tag}`,
    level: 'MODERATE',
    targetGroups: ['AUTISM'],
    places: 4,
    operatorOrgCode: '1084',
  });
  const db = new Client({ connectionString: testDatabaseUrl('referrals') });
  await db.connect();
  try {
    await eventually(
      async () => (await db.query('SELECT 1 FROM offer WHERE id = $1', [offerId])).rowCount === 1,
    );
  } finally {
    await db.end();
  }
  return offerId;
}

/** Region 1084's planner applies for a special function for the offer: pending until the state decides. */
export async function pendingApplication(planning: ServiceProcess, offerId: string): Promise<string> {
  const res = await (await planning.as('planner-1084')).post('/api/v1/function-applications').send({
    offerId,
    targetGroup: 'AUTISM',
    functionType: 'SPECIAL_FUNCTION',
    evidence: {
      yearlyVolume: 35,
      competences: 'Tværfagligt team med specialviden om autisme',
      healthCooperation: 'Samarbejdsaftale med børne- og ungdomspsykiatrien',
    },
  });
  if (res.status !== 201) throw new Error(`function application: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { id: string }).id;
}

/** A valid CPR number of someone born 15 March 1985, new per run (serial 1000–3999: the 1900s). */
export const freshCpr = () => `150385${1000 + Math.floor(Math.random() * 3000)}`;

/** The year of the console test's refusion claim: one no other test claims for municipality 101. */
export const CLAIM_YEAR = 2029;
const BANDS = [
  { threshold: '860000.00', percent: 25 },
  { threshold: '1680000.00', percent: 50 },
];

type Agent = Awaited<ReturnType<ServiceProcess['as']>>;

async function expectOk(what: string, res: { status: number; body: unknown }, ...ok: number[]) {
  if (!ok.includes(res.status)) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
}

/** The state writes a rule set for the year (current law in force, or a proposal left as a draft). */
async function ruleSet(state: Agent, name: string, adviceCondition: string, inForce: boolean) {
  const res = await state
    .post('/api/v1/rule-sets')
    .send({ year: CLAIM_YEAR, name, effectiveFrom: `${CLAIM_YEAR}-01-01`, bands: BANDS, adviceCondition });
  await expectOk('rule set', res, 201);
  if (inForce) {
    const put = await state
      .post(`/api/v1/rule-sets/${res.body.id}/put-in-force`)
      .set('If-Match', res.headers.etag)
      .send({});
    await expectOk('rule set in force', put, 200);
  }
}

/**
 * A submitted refusion claim of municipality 101 with the accepted referral on a line: the operator starts the
 * placement and sets the offer's rate, financing accrues the cost lines, the state sets the rule sets, and the
 * municipality claims the year's fourth quarter. The earlier runs' claims of that year are removed first (a
 * quarter is claimed once).
 */
export async function claimToDecide(
  services: Record<'referrals' | 'financing', ServiceProcess>,
  referralId: string,
  offerId: string,
): Promise<string> {
  const operator = await services.referrals.as('caseworker-1084');
  const read = await operator.get(`/api/v1/referrals/${referralId}`);
  await expectOk(
    'placement start',
    await operator
      .post(`/api/v1/referrals/${referralId}/placement/start`)
      .set('If-Match', read.headers.etag)
      .send({}),
    200,
  );
  const planner = await services.financing.as('planner-1084');
  await eventually(
    async () =>
      (
        await planner
          .put(`/api/v1/offers/${offerId}/rates/${CLAIM_YEAR}`)
          .send({ unit: 'DAY', amount: '8000.00' })
      ).status === 200,
  );
  const municipality = await services.financing.as('caseworker-101');
  await eventually(async () => {
    const lines = await municipality.get(`/api/v1/cost-lines?year=${CLAIM_YEAR}`);
    return (lines.body as { items: { referralId: string }[] }).items.some((l) => l.referralId === referralId);
  });
  const state = await services.financing.as('finance-state');
  await ruleSet(state, 'Gældende lov (konsoltest)', 'NONE', true);
  await ruleSet(state, 'Regionernes forslag (konsoltest)', 'ADVICE_FOLLOWED', false);
  const db = new Client({ connectionString: testDatabaseUrl('financing') });
  await db.connect();
  try {
    const mine = `SELECT id FROM refusion_claim WHERE municipality_code = '101' AND year = ${CLAIM_YEAR}`;
    await db.query(`DELETE FROM refusion_claim_line WHERE claim_id IN (${mine})`);
    await db.query(`DELETE FROM refusion_claim WHERE municipality_code = '101' AND year = ${CLAIM_YEAR}`);
    await db.query(
      `DELETE FROM refusion_settlement WHERE municipality_code = '101' AND year = ${CLAIM_YEAR}`,
    );
  } finally {
    await db.end();
  }
  const claim = await municipality.post('/api/v1/refusion-claims').send({ year: CLAIM_YEAR, quarter: 4 });
  await expectOk('refusion claim', claim, 201);
  return (claim.body as { id: string }).id;
}
