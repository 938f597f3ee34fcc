import { RiskCapitalGranted, TOPICS, type EventData } from '@platform/contracts';
import { todayInDenmark } from '@platform/domain';
import { eventOnTopic } from '../support/events';
import { ensure, eventually, expectStatus } from '../support/failure';
import { newCpr } from '../support/ids';
import { readOffer, registerOffer, responsibilityOn } from '../support/planning';
import { Referral } from '../support/referrals';
import type { ScenarioDefinition, Step, StepContext } from '../support/scenario';

const GROUP = 'EATING_DISORDERS';

interface NeedsLine {
  targetGroup: string;
  demand: { referrals: number; waiting: number; capacityRejections: number };
  supply: { places: number };
  gap: { id: string; kinds: string[] } | null;
}

/** A municipal MODERATE referral of Aarhus (751) without doubt: no advice needed, ready for decision at once. */
async function readyReferral(ctx: StepContext, today: string): Promise<Referral> {
  const referral = await Referral.create(ctx.platform, 'caseworker-751', {
    cpr: newCpr(1990),
    targetGroup: GROUP,
    assessedLevel: 'MODERATE',
    referralDate: today,
  });
  const submitted = await referral.do('caseworker-751', 'submit');
  ensure(submitted.status === 'READY_FOR_DECISION', `submitted: ${submitted.status} (advice required?)`);
  return referral;
}

/**
 * The target group's line of a needs analysis of RA-1082 from the run's first day to today (Danish time: a run that
 * crosses midnight has its rejection on the next day), made now by region 1082's planner.
 */
async function analyseToday(ctx: StepContext, from: string): Promise<NeedsLine> {
  const res = await (
    await ctx.platform.planning.as('planner-1082')
  )
    .post('/api/v1/needs-analyses')
    .send({ frameworkAreaCode: 'RA-1082', from, to: todayInDenmark() });
  expectStatus('the needs analysis of RA-1082 as planner-1082', res, 201);
  const line = (res.body as { targetGroups: NeedsLine[] }).targetGroups.find((l) => l.targetGroup === GROUP);
  ensure(line, `the needs analysis has no line for ${GROUP}`);
  return line;
}

/** Scenario 4 (SCENARIOS.md): capacity rejections, the needs analysis of region 1082's area, risk capital. */
export const scenario4: ScenarioDefinition = {
  number: 4,
  title: 'capacity and needs analysis',
  plan() {
    const today = todayInDenmark();
    let offerId = '';
    const referrals: Referral[] = [];
    let gapId = '';
    let application: { id: string; etag: string };
    // Earlier runs today rejected referrals too: this run's rejection is one more than the count before it.
    let rejectionsBefore = 0;

    const steps: Step[] = [
      {
        name: `region 1082 runs an eating-disorder offer with one place (${GROUP} is municipal)`,
        async run(ctx) {
          const responsibility = await responsibilityOn(ctx.platform, GROUP, today);
          ensure(
            responsibility === 'MUNICIPAL',
            `${GROUP} is ${responsibility}; the scenario needs MUNICIPAL`,
          );
          offerId = (
            await registerOffer(ctx.platform, '1082', {
              name: `Spiseforstyrrelser Midtjylland ${ctx.runTag}`,
              targetGroups: [GROUP],
              level: 'MODERATE',
              places: 1,
            })
          ).id;
          ctx.check(`planner-1082 registered offer ${offerId}: 1 place`);
          rejectionsBefore = (await analyseToday(ctx, today)).demand.capacityRejections;
        },
      },
      {
        name: 'two referrals of 751 are decided and sent to it; the operator accepts the first, the place is taken',
        async run(ctx) {
          for (let i = 0; i < 2; i++) {
            const referral = await readyReferral(ctx, today);
            await referral.doOnceKnown(
              'caseworker-751',
              'decision',
              { offerId, level: 'MODERATE', startDate: today },
              ctx.patience.effectMs,
            );
            await referral.do('caseworker-751', 'send');
            referrals.push(referral);
          }
          ctx.check(`referrals ${referrals.map((r) => r.id).join(', ')} SENT_TO_OFFER`);
          const accepted = await referrals[0]!.do('caseworker-1082', 'accept');
          ensure(accepted.status === 'ACCEPTED', `accept: ${accepted.status}`);
          ctx.check('caseworker-1082 accepted the first');
        },
      },
      {
        name: 'the operator cannot accept the second (no capacity) and rejects it with reason NO_CAPACITY',
        async run(ctx) {
          const second = referrals[1]!;
          const refused = await second.command('caseworker-1082', 'accept');
          expectStatus('accepting the second referral to the full offer', refused, 409);
          ctx.check(`accept refused: 409 ${(refused.body as { type?: string }).type ?? ''}`);
          const rejected = await second.do('caseworker-1082', 'reject', {
            reason: 'NO_CAPACITY',
            note: 'The offer is full',
          });
          ensure(
            rejected.status === 'REJECTED' && rejected.rejection?.reason === 'NO_CAPACITY',
            'not rejected',
          );
          ctx.check('REJECTED with reason NO_CAPACITY');
          await eventually(
            'specialty planning to count the accepted referral in the occupancy',
            async () => (await readOffer(ctx.platform, 'planner-1082', offerId)).freePlaces === 0,
            ctx.patience.effectMs,
          );
          ctx.check('specialty planning shows the offer full (0 free places)');
        },
      },
      {
        name: 'the needs analysis of framework area RA-1082 shows demand against places and names the gap',
        async run(ctx) {
          const line = await eventually(
            'a needs analysis counting this run’s capacity rejection',
            async () => {
              const found = await analyseToday(ctx, today);
              return found.demand.capacityRejections > rejectionsBefore && found.gap ? found : undefined;
            },
            ctx.patience.effectMs,
            2000,
          );
          ensure(line.gap!.kinds.includes('CAPACITY_REJECTIONS'), `gap kinds ${line.gap!.kinds.join(', ')}`);
          gapId = line.gap!.id;
          const d = line.demand;
          ctx.check(
            `${GROUP} in RA-1082 today: ${d.referrals} referrals, ${d.waiting} waiting, ${d.capacityRejections} capacity rejections against ${line.supply.places} places`,
          );
          ctx.check(`gap ${gapId} named: ${line.gap!.kinds.join(', ')}`);
        },
      },
      {
        name: 'region 1082 applies for risk-willing capital for a new offer for the gap',
        async run(ctx) {
          const region = await ctx.platform.financing.as('planner-1082');
          application = await eventually(
            `financing to learn gap ${gapId} and take the application`,
            async () => {
              const res = await region.post('/api/v1/risk-capital-applications').send({
                gapId,
                kind: 'GRANT',
                amount: '3500000.00',
                purpose: 'Four new places for eating disorders in Aarhus',
              });
              if (res.status !== 201) throw new Error(`HTTP ${res.status} ${JSON.stringify(res.body)}`);
              return { id: (res.body as { id: string }).id, etag: res.headers.etag ?? '' };
            },
            ctx.patience.effectMs,
            500,
          );
          ctx.check(`application ${application.id} SUBMITTED (GRANT, 3 500 000 kr)`);
        },
      },
      {
        name: 'the state grants it; the grant is a funding event',
        async run(ctx) {
          const res = await (
            await ctx.platform.financing.as('finance-state')
          )
            .post(`/api/v1/risk-capital-applications/${application.id}/decision`)
            .set('If-Match', application.etag)
            .send({ approved: true });
          expectStatus('granting as finance-state', res, 200);
          ensure((res.body as { status: string }).status === 'GRANTED', 'not GRANTED');
          ctx.check('finance-state GRANTED it');
          const event = await eventOnTopic<EventData<typeof RiskCapitalGranted>>(
            TOPICS.funding,
            RiskCapitalGranted.type,
            ctx.startedAt,
            (data) => data.applicationId === application.id,
            ctx.patience.effectMs,
          );
          ensure(event.gapId === gapId && event.amountOre === 350_000_000, `event ${JSON.stringify(event)}`);
          ctx.check(`${RiskCapitalGranted.type} for gap ${gapId} reached ${TOPICS.funding}`);
        },
      },
    ];
    return { steps, gaps: [] };
  },
};
