import { TakeoverRejected, TOPICS, type EventData } from '@platform/contracts';
import { eventOnTopic } from '../support/events';
import { ensure, expectStatus } from '../support/failure';
import { readOffer, registerOffer, type OfferView } from '../support/planning';
import type { ScenarioDefinition, Step } from '../support/scenario';

interface TakeoverView {
  id: string;
  municipalityCode: string;
  offerId: string;
  offerOperator: { orgType: string; orgCode: string };
  status: string;
  reason: string;
  message: { en: string };
}

/** Scenario 5 (SCENARIOS.md): Odense asks to take over a regional offer of Syddanmark (SEL § 186, abolished). */
export const scenario5: ScenarioDefinition = {
  number: 5,
  title: 'takeover request',
  plan() {
    let offer: OfferView;
    let request: TakeoverView;
    const steps: Step[] = [
      {
        name: 'region 1083 runs an offer in Odense',
        async run(ctx) {
          offer = await registerOffer(ctx.platform, '1083', {
            name: `Hjerneskadecenter Syddanmark ${ctx.runTag}`,
            targetGroups: ['ACQUIRED_BRAIN_INJURY'],
            level: 'HIGH',
            places: 8,
          });
          ctx.check(`planner-1083 registered offer ${offer.id} (version ${offer.version})`);
        },
      },
      {
        name: 'municipality 461 asks to take it over: the request is stored and rejected with the reason',
        async run(ctx) {
          const planner = await ctx.platform.planning.as('planner-461');
          const res = await planner
            .post('/api/v1/takeover-requests')
            .send({ offerId: offer.id, note: 'Odense would run it with its own offers' });
          expectStatus('the takeover request of planner-461', res, 201);
          request = res.body as TakeoverView;
          ensure(
            request.status === 'REJECTED' &&
              request.message.en.includes('municipal takeover of regional offers is abolished'),
            `request ${JSON.stringify(request)}`,
          );
          ctx.check(`request ${request.id} REJECTED (${request.reason}): "${request.message.en}"`);
          const stored = await planner.get(`/api/v1/takeover-requests/${request.id}`);
          expectStatus('reading the request back as planner-461', stored, 200);
          ensure((stored.body as TakeoverView).status === 'REJECTED', 'the stored request is not REJECTED');
          ctx.check('the request is stored: 461 reads it back, REJECTED');
        },
      },
      {
        name: 'ownership is unchanged',
        async run(ctx) {
          const after = await readOffer(ctx.platform, 'planner-461', offer.id);
          ensure(
            after.operator.type === 'region' &&
              after.operator.code === '1083' &&
              after.version === offer.version,
            `offer now ${JSON.stringify(after.operator)} version ${after.version}`,
          );
          ctx.check(`offer ${offer.id} still operated by region 1083, version ${after.version}`);
        },
      },
      {
        name: 'an event records it',
        async run(ctx) {
          const event = await eventOnTopic<EventData<typeof TakeoverRejected>>(
            TOPICS.plan,
            TakeoverRejected.type,
            ctx.startedAt,
            (data) => data.requestId === request.id,
            ctx.patience.effectMs,
          );
          ensure(
            event.municipalityCode === '461' &&
              event.operatorOrgCode === '1083' &&
              event.offerId === offer.id,
            `event ${JSON.stringify(event)}`,
          );
          ctx.check(`${TakeoverRejected.type} on ${TOPICS.plan}: 461, offer of 1083, ${event.reason}`);
        },
      },
    ];
    return { steps, gaps: [] };
  },
};
