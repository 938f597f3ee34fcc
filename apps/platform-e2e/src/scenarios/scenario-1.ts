import { CoFinancingInvoiced, TOPICS, type EventData } from '@platform/contracts';
import { addDays, todayInDenmark } from '@platform/domain';
import { waitForLedgerRows, verifyLedger } from '../support/audit';
import { eventOnTopic } from '../support/events';
import { ensure, eventually, expectStatus } from '../support/failure';
import {
  CO_FINANCING,
  costLinesOf,
  ruleSetInForce,
  setDayRate,
  waitForMissingRate,
} from '../support/financing';
import { newCpr } from '../support/ids';
import {
  makeRegional,
  readOffer,
  registerOffer,
  responsibilityOn,
  waitForKnowledgeEnvironment,
} from '../support/planning';
import { Referral } from '../support/referrals';
import type { ScenarioDefinition, Step, StepContext } from '../support/scenario';

interface AdviceCase {
  id: string;
  version: number;
  status: string;
  assignment: { kind: string; regionCode: string | null; offerId: string | null };
  deadline: { dueDate: string; workingDays: number };
}

/**
 * Scenario 1 (../shared/design/SCENARIOS.md): the golden path. Dates are today's and two weeks on rather than the
 * scenario's example dates, because responsibility never changes back over decided placements on a long-lived
 * platform; the offer is this run's own, so there is always a free place.
 */
export const scenario1: ScenarioDefinition = {
  number: 1,
  title: 'golden path: high-level referral, advice followed, regional responsibility',
  plan() {
    const today = todayInDenmark();
    const start = addDays(today, 14);
    const year = Number(start.slice(0, 4));
    const month = start.slice(0, 7);
    let offerId = '';
    let referral: Referral;
    let pseudonym = '';
    let adviceCase: AdviceCase;

    const steps: Step[] = [
      {
        name: 'the state has VISION under regional responsibility',
        async run(ctx) {
          const { platform } = ctx;
          if ((await responsibilityOn(platform, 'VISION', today)) === 'REGIONAL') {
            ctx.check(`VISION is REGIONAL on ${today} in specialty planning's timeline (published before)`);
            return;
          }
          const from = await makeRegional(platform, 'VISION', '2026-01-01');
          ensure(
            (await responsibilityOn(platform, 'VISION', today)) === 'REGIONAL',
            'VISION is not regional',
          );
          ctx.check(`planner-state made VISION REGIONAL from ${from}`);
        },
      },
      {
        name: 'region 1084 registers Synscenter Hovedstaden (HIGH, 12 places, 4 500 kr a day)',
        async run(ctx) {
          const offer = await registerOffer(ctx.platform, '1084', {
            name: `Synscenter Hovedstaden ${ctx.runTag}`,
            targetGroups: ['VISION'],
            level: 'HIGH',
            places: 12,
            ratePerDay: '4500.00',
          });
          offerId = offer.id;
          ensure(
            offer.operator.code === '1084' && offer.places === 12,
            'the offer is not 1084’s with 12 places',
          );
          ctx.check(`offer ${offerId} in the directory, operated by region 1084, 12 places`);
        },
      },
      {
        name: 'the state approves a specialty plan version: both VISION functions for Synscenter, 5 years, 30 a year',
        async run(ctx) {
          await approvePlan(ctx, offerId, today);
          const functions = await (
            await ctx.platform.planning.as('caseworker-101')
          ).get(`/api/v1/functions?offerId=${offerId}`);
          expectStatus('listing the offer’s functions', functions, 200);
          const types = (functions.body as { items: { functionType: string }[] }).items.map(
            (f) => f.functionType,
          );
          ensure(
            types.includes('SPECIAL_FUNCTION') && types.includes('ADVISORY_FUNCTION'),
            `the offer holds ${types.join(', ') || 'no functions'}`,
          );
          ctx.check('specialty planning lists SPECIAL_FUNCTION and ADVISORY_FUNCTION for the offer');
          await waitForKnowledgeEnvironment(ctx.platform, offerId, 'VISION', ctx.patience.effectMs);
          ctx.check('knowledge lists the offer as a VISION knowledge environment (from FunctionApproved)');
        },
      },
      {
        name: 'a case worker of 101 refers an adult citizen (VISION, HIGH); advice is mandatory',
        async run(ctx) {
          referral = await Referral.create(ctx.platform, 'caseworker-101', {
            cpr: newCpr(1985),
            targetGroup: 'VISION',
            assessedLevel: 'HIGH',
            referralDate: today,
          });
          const submitted = await referral.do('caseworker-101', 'submit');
          pseudonym = submitted.citizen.pseudonym;
          ensure(submitted.status === 'AWAITING_ADVICE', `the referral is ${submitted.status}`);
          ensure(submitted.advice.required === true && submitted.advice.dueAt, 'advice is not required');
          ctx.check(
            `referral ${referral.id} AWAITING_ADVICE, advice required (${submitted.advice.reasons.join(', ')}), due ${submitted.advice.dueAt}`,
          );
        },
      },
      {
        name: 'knowledge opens an advice case for region 1084’s advisory function, with a response deadline',
        async run(ctx) {
          const advisor = await ctx.platform.knowledge.as('advisor-1084');
          adviceCase = await eventually(
            `knowledge to open the advice case of referral ${referral.id} for advisor-1084`,
            async () => {
              const res = await advisor.get(`/api/v1/advice-cases?referralId=${referral.id}`);
              return (res.body as { items?: AdviceCase[] }).items?.[0];
            },
            ctx.patience.effectMs,
          );
          ensure(
            adviceCase.assignment.kind === 'OWN_REGION' && adviceCase.assignment.regionCode === '1084',
            `the case lies with ${JSON.stringify(adviceCase.assignment)}`,
          );
          // Knowledge's roster names the environment (the earliest approved VISION function of the region gets it).
          const environment = await (
            await ctx.platform.knowledge.as('advisor-1084')
          ).get(`/api/v1/knowledge-environments/${adviceCase.assignment.offerId}`);
          expectStatus('reading the knowledge environment of the case', environment, 200);
          ctx.check(
            `advice case ${adviceCase.id} ${adviceCase.status} in region 1084 at the advisory function of "${(environment.body as { name: string }).name}", due ${adviceCase.deadline.dueDate} (${adviceCase.deadline.workingDays} working days)`,
          );
        },
      },
      {
        name: 'an advisor of region 1084 gives advice: HIGH at Synscenter Hovedstaden; the referral shows it',
        async run(ctx) {
          const res = await (
            await ctx.platform.knowledge.as('advisor-1084')
          )
            .post(`/api/v1/advice-cases/${adviceCase.id}/advice`)
            .set('If-Match', `W/"${adviceCase.version}"`)
            .send({ level: 'HIGH', offerId, rationale: 'Needs the special function for vision impairment' });
          expectStatus('giving advice as advisor-1084', res, 200);
          ctx.check(`advice case ${adviceCase.id} is ${(res.body as AdviceCase).status}`);
          await referral.waitUntil(
            'caseworker-101',
            'the referral to show the advice and be ready for decision',
            (v) => v.status === 'READY_FOR_DECISION' && v.advice.given?.offerId === offerId,
            ctx.patience.effectMs,
          );
          ctx.check('the referral is READY_FOR_DECISION and shows the advice (HIGH, Synscenter)');
        },
      },
      {
        name: 'the case worker decides Synscenter, HIGH (follows the advice) and sends the referral to the offer',
        async run(ctx) {
          const decided = await referral.doOnceKnown(
            'caseworker-101',
            'decision',
            { offerId, level: 'HIGH', startDate: start },
            ctx.patience.effectMs,
          );
          ensure(
            decided.decision?.followsAdvice === true && decided.decision.deviation === false,
            `decision ${JSON.stringify(decided.decision)}`,
          );
          ctx.check(`DECIDED from ${start}: followsAdvice true, deviation false`);
          const sent = await referral.do('caseworker-101', 'send');
          ensure(sent.status === 'SENT_TO_OFFER' && sent.operatorOrgCode === '1084', `sent: ${sent.status}`);
          ctx.check('SENT_TO_OFFER, operator 1084');
        },
      },
      {
        name: 'region 1084 accepts it (a place is free) and the placement starts',
        async run(ctx) {
          const accepted = await referral.do('caseworker-1084', 'accept');
          ensure(accepted.status === 'ACCEPTED', `accept left it ${accepted.status}`);
          ctx.check('caseworker-1084 accepted it (ACCEPTED)');
          const placed = await referral.do('caseworker-1084', 'placement/start', { startDate: start });
          ensure(
            placed.status === 'PLACEMENT_ACTIVE' && placed.placement?.start === start,
            'placement not active',
          );
          ctx.check(`PLACEMENT_ACTIVE from ${start}`);
          await eventually(
            'specialty planning to count the placement in the offer’s occupancy',
            async () => (await readOffer(ctx.platform, 'planner-1084', offerId)).occupied === 1,
            ctx.patience.effectMs,
          );
          ctx.check('specialty planning shows 1 of 12 places occupied (from the placement events)');
        },
      },
      {
        name: 'financing: the region carries the cost under its block grant; 101 is invoiced co-financing',
        async run(ctx) {
          await regionCarriesTheCost(ctx, { offerId, referralId: referral.id, start, year, month });
        },
      },
      {
        name: 'the state auditor finds every step in the ledger by the citizen’s pseudonym; the chain verifies',
        async run(ctx) {
          const is = (service: string, action: string) => (r: { service: string; action: string }) =>
            r.service === service && r.action === action;
          const rows = await waitForLedgerRows(
            ctx.platform,
            { citizenPseudonym: pseudonym },
            {
              'referrals referral.create': is('referrals', 'referral.create'),
              'referrals referral.submit': is('referrals', 'referral.submit'),
              'knowledge advice-case.open': is('knowledge', 'advice-case.open'),
              'knowledge advice-case.giveAdvice': is('knowledge', 'advice-case.giveAdvice'),
              'referrals referral.receive-advice': is('referrals', 'referral.receive-advice'),
              'referrals referral.decide': is('referrals', 'referral.decide'),
              'referrals referral.sendToOffer': is('referrals', 'referral.sendToOffer'),
              'referrals referral.accept': is('referrals', 'referral.accept'),
              'referrals referral.startPlacement': is('referrals', 'referral.startPlacement'),
            },
            ctx.patience.auditMs,
          );
          ctx.check(
            `${rows.length} ledger rows for the pseudonym from ${[...new Set(rows.map((r) => r.service))].join(', ')}: create, submit, case opened, advice, decision, send, accept, placement`,
          );
          const verified = await verifyLedger(ctx.platform);
          ensure(verified.valid, 'the audit chain does not verify');
          ctx.check(`the chain verifies (${verified.rowsChecked} rows)`);
        },
      },
    ];
    return { steps, gaps: [] };
  },
};

/** Plan version: draft → consultation → approved, with both VISION functions of the offer for five years. */
async function approvePlan(ctx: StepContext, offerId: string, today: string): Promise<void> {
  const state = await ctx.platform.planning.as('planner-state');
  const entry = { targetGroup: 'VISION', offerId, validFrom: today, validTo: addDays(today, 5 * 365 - 1) };
  const draft = await state.post('/api/v1/specialty-plans').send({
    title: `Specialeplan for det højt specialiserede socialområde (${ctx.runTag})`,
    effectiveFrom: today,
    entries: [
      { ...entry, functionType: 'SPECIAL_FUNCTION', minimumYearlyVolume: 30 },
      { ...entry, functionType: 'ADVISORY_FUNCTION', minimumYearlyVolume: 30 },
    ],
  });
  expectStatus('drafting the plan version', draft, 201);
  const planId = (draft.body as { id: string }).id;
  const consultation = await state
    .post(`/api/v1/specialty-plans/${planId}/consultation`)
    .set('If-Match', draft.headers.etag ?? '');
  expectStatus('sending the plan to consultation', consultation, 200);
  const approved = await state
    .post(`/api/v1/specialty-plans/${planId}/approve`)
    .set('If-Match', consultation.headers.etag ?? '');
  expectStatus('approving the plan', approved, 200);
  ctx.check(
    `plan ${planId} APPROVED with SPECIAL_FUNCTION and ADVISORY_FUNCTION, ${entry.validFrom}–${entry.validTo}`,
  );
}

interface Placement {
  offerId: string;
  referralId: string;
  start: string;
  year: number;
  month: string;
}

/** Scenario 1 step 5: cost lines paid by the region, the block grant, the co-financing invoice, the funding event. */
async function regionCarriesTheCost(ctx: StepContext, p: Placement): Promise<void> {
  const { platform, patience } = ctx;
  await waitForMissingRate(platform, 'caseworker-101', p.offerId, p.year, patience.effectMs);
  ctx.check(`financing lists the placement as missing a ${p.year} rate (from the referral events)`);
  await setDayRate(platform, 'planner-1084', p.offerId, p.year, '4500.00', patience.effectMs);
  ctx.check(`planner-1084 set the ${p.year} rate: 4 500 kr a day`);
  await ruleSetInForce(platform, {
    year: p.year,
    name: `Gældende lov med medfinansiering ${p.year} (${ctx.runTag})`,
    adviceCondition: 'NONE',
    coFinancing: CO_FINANCING,
  });
  ctx.check(`finance-state put a ${p.year} rule set in force: co-financing 10 % in the first year`);

  const [first] = await costLinesOf(platform, 'caseworker-101', p.referralId, p.year, 1, patience.effectMs);
  const days = first!.days;
  ensure(
    first!.responsibility === 'REGIONAL' && first!.payer.type === 'region' && first!.payer.code === '1084',
    `the first cost line is paid by ${JSON.stringify(first!.payer)} (${first!.responsibility})`,
  );
  ensure(
    first!.firstDay === p.start && first!.amountOre === days * 450_000,
    `cost line ${JSON.stringify(first)}`,
  );
  ctx.check(
    `cost line ${first!.month}: ${days} days × 4 500 kr paid by region 1084 (REGIONAL), as 101 sees it`,
  );

  await blockGrantCovers(ctx, p.year);

  const issued = await (
    await platform.financing.as('planner-1084')
  )
    .post('/api/v1/co-financing-invoices')
    .send({ month: p.month });
  expectStatus(`issuing the co-financing invoices of ${p.month} as planner-1084`, issued, 200);
  const invoices = await (
    await platform.financing.as('caseworker-101')
  ).get(`/api/v1/co-financing-invoices?month=${p.month}`);
  const invoice = (invoices.body as { items: Invoice[] }).items.find((i) => i.referralId === p.referralId);
  ensure(invoice, `101 has no co-financing invoice of ${p.month} for the referral`);
  ensure(
    invoice.regionCode === '1084' && invoice.sharePercentBp === 1000 && invoice.amountOre === days * 45_000,
    `invoice ${JSON.stringify(invoice)}`,
  );
  ctx.check(
    `101 received the ${p.month} co-financing invoice from 1084: 10 % of ${days} days = ${invoice.amountOre / 100} kr`,
  );

  const event = await eventOnTopic<EventData<typeof CoFinancingInvoiced>>(
    TOPICS.funding,
    CoFinancingInvoiced.type,
    ctx.startedAt,
    (data) => data.month === p.month && data.regionCode === '1084' && data.municipalityCode === '101',
    patience.effectMs,
  );
  ensure(!JSON.stringify(event).includes(p.referralId), 'the funding event names the referral');
  ctx.check(
    `${CoFinancingInvoiced.type} for ${p.month} reached ${TOPICS.funding}, naming no citizen or referral`,
  );
}

interface Invoice {
  referralId: string;
  regionCode: string;
  municipalityCode: string;
  sharePercentBp: number;
  amountOre: number;
}

/** The year's block grant includes region 1084's share: the state allocates one if the year has none yet. */
async function blockGrantCovers(ctx: StepContext, year: number): Promise<void> {
  const share = async () => {
    const res = await (
      await ctx.platform.financing.as('planner-1084')
    ).get(`/api/v1/block-grants?year=${year}`);
    expectStatus('reading the block grants as planner-1084', res, 200);
    const grants = (res.body as { items: { allocations: { regionCode: string; amountOre: number }[] }[] })
      .items;
    return grants.flatMap((g) => g.allocations).find((a) => a.regionCode === '1084');
  };
  if (!(await share())) {
    const res = await (await ctx.platform.financing.as('finance-state')).post('/api/v1/block-grants').send({
      year,
      total: '1000000000.00',
      key: 'POPULATION',
      weights: { '1081': 589, '1082': 1353, '1083': 1226, '1084': 1890, '1085': 843 },
    });
    expectStatus(`allocating the ${year} block grant as finance-state`, res, 201);
    ctx.check(`finance-state allocated the ${year} block grant over the five regions`);
  }
  const own = await share();
  ensure(own && own.amountOre > 0, `region 1084 has no share of the ${year} block grant`);
  ctx.check(`region 1084 sees its ${year} block grant share: ${own.amountOre / 100} kr`);
}
