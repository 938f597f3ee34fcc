import { ReferralDecided, RefusionDecided, TOPICS, type EventData } from '@platform/contracts';
import { addDays, todayInDenmark } from '@platform/domain';
import { approveAdvisoryFunction, giveAdvice } from '@platform/testing';
import { eventOnTopic } from '../support/events';
import { ensure, expectStatus } from '../support/failure';
import {
  costLinesOf,
  createRuleSet,
  ruleSetInForce,
  setDayRate,
  waitForMissingRate,
} from '../support/financing';
import { newCpr } from '../support/ids';
import { registerOffer, responsibilityOn } from '../support/planning';
import { Referral } from '../support/referrals';
import type { ScenarioDefinition, Step, StepContext } from '../support/scenario';

const DAY_RATE_ORE = 800_000; // 8 000 kr a day: a year of it lies above every threshold

interface ClaimLine {
  lineNo: number;
  referralIds: string[];
  eligible: boolean;
  netExpenseOre: number;
  refusionOre: number;
  reasons: { referralId: string; eligible: boolean; reason: string }[];
}

/**
 * Refusion under the bands of current law for a year's expense that lies in the top band every month: 25 % of
 * the first band, 50 % of the second, 75 % above 2 120 000 kr (every month's 1/12 is above its top threshold, so
 * the months add up to the yearly formula exactly).
 */
export function topBandRefusionOre(yearlyExpenseOre: number): number {
  return 0.25 * 82_000_000 + 0.5 * 44_000_000 + 0.75 * (yearlyExpenseOre - 212_000_000);
}

const daysIn = (year: number) => (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 366 : 365);

/**
 * The first year from next year on for which municipality 751 has no Q4 claim: a quarter is claimed once, and a
 * long-lived platform keeps earlier runs' claims, so each run claims a year of its own (its placement, never
 * ended, runs through every later year; only this run's offer has a rate for the year chosen).
 */
async function unclaimedYear(ctx: StepContext, from: number): Promise<number> {
  const res = await (await ctx.platform.financing.as('caseworker-751')).get('/api/v1/refusion-claims');
  expectStatus('listing 751’s refusion claims', res, 200);
  const claimed = new Set(
    (res.body as { items: { year: number; quarter: number }[] }).items
      .filter((c) => c.quarter === 4)
      .map((c) => c.year),
  );
  let year = from;
  while (claimed.has(year)) year++;
  return year;
}

/** Scenario 2 (SCENARIOS.md): deviation from advice and conditional refusion, municipal responsibility. */
export const scenario2: ScenarioDefinition = {
  number: 2,
  title: 'deviation and conditional refusion (municipal responsibility)',
  plan() {
    const today = todayInDenmark();
    const start = addDays(today, 14);
    let advisedOffer = '';
    let moderateOffer = '';
    let referral: Referral;
    let year = 0;
    let lawId = '';
    let proposalId = '';
    let claim: { id: string; etag: string; lines: ClaimLine[] };
    const lineOf = (lines: ClaimLine[]) => lines.find((l) => l.referralIds.includes(referral.id));

    const steps: Step[] = [
      {
        name: 'AUTISM is municipal; region 1082 runs a HIGH autism offer holding the advisory function, and a MODERATE one',
        async run(ctx) {
          const responsibility = await responsibilityOn(ctx.platform, 'AUTISM', start);
          ensure(
            responsibility === 'MUNICIPAL',
            `AUTISM is ${responsibility} on ${start}; scenario 2 needs MUNICIPAL`,
          );
          ctx.check(`AUTISM is MUNICIPAL on ${start} in specialty planning's timeline`);
          const declare = (name: string, level: 'HIGH' | 'MODERATE') =>
            registerOffer(ctx.platform, '1082', {
              name: `${name} ${ctx.runTag}`,
              targetGroups: ['AUTISM'],
              level,
              places: 6,
            });
          advisedOffer = (await declare('Autismecenter Midtjylland', 'HIGH')).id;
          moderateOffer = (await declare('Autismetilbud Aarhus, moderat', 'MODERATE')).id;
          ctx.check(`planner-1082 registered ${advisedOffer} (HIGH) and ${moderateOffer} (MODERATE)`);
          const functionId = await approveAdvisoryFunction(ctx.platform.planning, ctx.platform.knowledge, {
            offerId: advisedOffer,
            operatorOrgCode: '1082',
            targetGroup: 'AUTISM',
          });
          ctx.check(
            `the state approved its AUTISM advisory function ${functionId}; knowledge's roster has it`,
          );
        },
      },
      {
        name: 'a case worker of 751 refers a child (AUTISM, HIGH); region 1082’s advisor advises HIGH at the HIGH offer',
        async run(ctx) {
          referral = await Referral.create(ctx.platform, 'caseworker-751', {
            cpr: newCpr(2015),
            targetGroup: 'AUTISM',
            assessedLevel: 'HIGH',
            referralDate: today,
          });
          const submitted = await referral.do('caseworker-751', 'submit');
          ensure(submitted.advice.required === true, 'advice is not required for a HIGH referral');
          ctx.check(
            `referral ${referral.id} AWAITING_ADVICE, advice mandatory (${submitted.advice.reasons.join(', ')})`,
          );
          const answered = await giveAdvice(ctx.platform.knowledge, referral.id, {
            level: 'HIGH',
            offerId: advisedOffer,
            rationale: 'Needs the highly specialised autism offer',
          });
          ensure(
            answered.assignment.regionCode === '1082',
            `advice case in ${answered.assignment.regionCode}`,
          );
          ctx.check(
            `advisor-1082 advised HIGH at ${advisedOffer} (case ${answered.id}, ${answered.assignment.kind})`,
          );
          await referral.waitUntil(
            'caseworker-751',
            'the referral to show the advice',
            (v) => v.status === 'READY_FOR_DECISION' && v.advice.given?.offerId === advisedOffer,
            ctx.patience.effectMs,
          );
          ctx.check('the referral is READY_FOR_DECISION with the advice');
        },
      },
      {
        name: 'the case worker decides the MODERATE offer with a written justification: a deviation, in the referral and its event',
        async run(ctx) {
          const decided = await referral.doOnceKnown(
            'caseworker-751',
            'decision',
            {
              offerId: moderateOffer,
              level: 'MODERATE',
              startDate: start,
              justification: 'The family lives next to the moderate offer and the child is settled there',
            },
            ctx.patience.effectMs,
          );
          ensure(decided.decision?.deviation === true, `decision ${JSON.stringify(decided.decision)}`);
          ctx.check(`decided MODERATE: deviation true (${decided.decision.deviationReasons.join(', ')})`);
          const event = await eventOnTopic<EventData<typeof ReferralDecided>>(
            TOPICS.referral,
            ReferralDecided.type,
            ctx.startedAt,
            (_data, key) => key === referral.id,
            ctx.patience.effectMs,
          );
          ensure(event.deviation === true && event.followsAdvice === false, `event ${JSON.stringify(event)}`);
          ctx.check(`${ReferralDecided.type} carries deviation: true, followsAdvice: false`);
        },
      },
      {
        name: 'the referral is sent, region 1082 accepts it and the placement starts, to run all year',
        async run(ctx) {
          await referral.do('caseworker-751', 'send');
          await referral.do('caseworker-1082', 'accept');
          const placed = await referral.do('caseworker-1082', 'placement/start', { startDate: start });
          ensure(placed.status === 'PLACEMENT_ACTIVE', `placement: ${placed.status}`);
          ctx.check(`SENT_TO_OFFER → ACCEPTED by caseworker-1082 → PLACEMENT_ACTIVE from ${start}`);
        },
      },
      {
        name: 'cost lines from the offer’s rate put the citizen’s yearly expense above both thresholds',
        async run(ctx) {
          year = await unclaimedYear(ctx, Number(start.slice(0, 4)) + 1);
          await waitForMissingRate(
            ctx.platform,
            'caseworker-751',
            moderateOffer,
            year,
            ctx.patience.effectMs,
          );
          ctx.check(`financing lists the placement as missing a ${year} rate (from the referral events)`);
          await setDayRate(
            ctx.platform,
            'planner-1082',
            moderateOffer,
            year,
            '8000.00',
            ctx.patience.effectMs,
          );
          ctx.check(
            `planner-1082 set the offer's ${year} rate: 8 000 kr a day (${year}: no claim of 751 yet)`,
          );
          const lines = await costLinesOf(
            ctx.platform,
            'caseworker-751',
            referral.id,
            year,
            12,
            ctx.patience.effectMs,
          );
          const total = lines.reduce((sum, l) => sum + l.amountOre, 0);
          ensure(
            lines.every((l) => l.payer.type === 'municipality' && l.payer.code === '751'),
            'a cost line is not paid by 751',
          );
          ensure(total === daysIn(year) * DAY_RATE_ORE, `the year's cost lines add up to ${total} øre`);
          ctx.check(
            `12 cost lines of ${year} paid by 751 (MUNICIPAL): ${total / 100} kr, above 2 120 000 kr`,
          );
        },
      },
      {
        name: 'the state puts current law in force for the year and drafts the regions’ proposal (advice followed)',
        async run(ctx) {
          lawId = await ruleSetInForce(ctx.platform, {
            year,
            name: `Gældende lov ${year} (${ctx.runTag})`,
            adviceCondition: 'NONE',
          });
          proposalId = (
            await createRuleSet(ctx.platform, {
              year,
              name: `Regionernes forslag ${year} (${ctx.runTag})`,
              adviceCondition: 'ADVICE_FOLLOWED',
            })
          ).id;
          ctx.check(
            `rule set ${lawId} (NONE) in force for ${year}; proposal ${proposalId} (ADVICE_FOLLOWED) drafted`,
          );
        },
      },
      {
        name: '751 claims refusion for the year: under current law the case is eligible, computed with the bands',
        async run(ctx) {
          const res = await (
            await ctx.platform.financing.as('caseworker-751')
          )
            .post('/api/v1/refusion-claims')
            .send({ year, quarter: 4 });
          expectStatus(`claiming ${year} Q4 as caseworker-751`, res, 201);
          const body = res.body as { id: string; lines: ClaimLine[] };
          claim = { id: body.id, etag: res.headers.etag ?? '', lines: body.lines };
          const line = lineOf(claim.lines);
          const expected = topBandRefusionOre(daysIn(year) * DAY_RATE_ORE);
          ensure(line, 'the claim has no line for the referral');
          ensure(
            line.eligible &&
              line.refusionOre === expected &&
              line.reasons[0]?.reason === 'NO_ADVICE_CONDITION',
            `line ${JSON.stringify({ ...line, months: undefined })}, expected refusion ${expected}`,
          );
          ctx.check(
            `claim ${claim.id}: the line is eligible (NO_ADVICE_CONDITION), refusion ${expected / 100} kr`,
          );
        },
      },
      {
        name: 'under the rule set "advice required and followed" the same claim is not eligible, with the reason',
        async run(ctx) {
          const res = await (
            await ctx.platform.financing.as('caseworker-751')
          ).get(`/api/v1/refusion-claims/${claim.id}/what-if?ruleSetId=${proposalId}`);
          expectStatus('the what-if under the proposal', res, 200);
          const line = (res.body as { lines: (ClaimLine & { b: ClaimLine })[] }).lines.find((l) =>
            l.referralIds.includes(referral.id),
          );
          ensure(
            line &&
              line.b.eligible === false &&
              line.b.refusionOre === 0 &&
              line.b.reasons[0]?.reason === 'ADVICE_NOT_FOLLOWED',
            `what-if line ${JSON.stringify(line?.b)}`,
          );
          ctx.check('what-if: not eligible under ADVICE_FOLLOWED, reason ADVICE_NOT_FOLLOWED, refusion 0 kr');
        },
      },
      {
        name: 'the state decides the claim; the decision is a funding event',
        async run(ctx) {
          const res = await (
            await ctx.platform.financing.as('finance-state')
          )
            .post(`/api/v1/refusion-claims/${claim.id}/decision`)
            .set('If-Match', claim.etag)
            .send({ lines: claim.lines.map((l) => ({ lineNo: l.lineNo, approved: true })) });
          expectStatus('deciding the claim as finance-state', res, 200);
          ensure((res.body as { status: string }).status === 'DECIDED', 'the claim is not DECIDED');
          ctx.check(`finance-state decided claim ${claim.id} (every line approved)`);
          const event = await eventOnTopic<EventData<typeof RefusionDecided>>(
            TOPICS.funding,
            RefusionDecided.type,
            ctx.startedAt,
            (data) => data.claimId === claim.id,
            ctx.patience.effectMs,
          );
          ensure(event.municipalityCode === '751' && event.year === year, `event ${JSON.stringify(event)}`);
          ctx.check(`${RefusionDecided.type} for 751 ${year} Q4 reached ${TOPICS.funding}`);
        },
      },
    ];
    return { steps, gaps: [] };
  },
};
