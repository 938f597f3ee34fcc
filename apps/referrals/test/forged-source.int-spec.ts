import { deadLetterTopic, OfferUpdated, TOPICS, type EventData } from '@platform/contracts';
import { waitForEvent } from '@platform/testing';
import { RawEvents } from './support/raw-events';
import { SpecialtyPlanning } from './support/specialty-planning';
import { startReferralsApp, type ReferralsTestApp } from './support/referrals-app';

/**
 * Finding 5, the consumer's side: an event on a topic is taken only from the topic's owning service (its CloudEvents
 * `source`). The broker's ACLs already keep the referrals principal off planning.offer.v1 (kafka-acl.int-spec.ts);
 * this is what a consumer does if a forged event gets there anyway (here published by the test principal, which
 * may write anything on the local stack): it parks it on the DLQ and changes nothing.
 */
describe('an event from a foreign source', () => {
  let t: ReferralsTestApp;
  const events = new RawEvents();
  let planning: SpecialtyPlanning;

  beforeAll(async () => {
    t = await startReferralsApp();
    planning = new SpecialtyPlanning(() => t.prisma);
  });
  afterAll(async () => {
    await planning.stop();
    await events.close();
    await t.close();
  });

  it('lands on planning.offer.v1.dlq with ForeignSourceError and leaves the offer read model unchanged', async () => {
    const offer = await planning.registerOffer({ operatorOrgCode: '1084', places: 12 });
    const before = await t.prisma.offer.findUnique({ where: { id: offer.offerId } });
    expect(before).toMatchObject({ version: 1, operatorOrgCode: '1084', places: 12 });

    const forged: EventData<typeof OfferUpdated> = {
      offerId: offer.offerId,
      version: 2,
      name: 'Moved to another operator',
      operatorOrgType: 'region',
      operatorOrgCode: '1082',
      level: 'HIGH',
      targetGroups: ['VISION'],
      places: 500,
      active: true,
    };
    const since = new Date();
    const id = await events.publish(OfferUpdated, offer.offerId, forged, '/services/referrals');

    const parked = await waitForEvent(deadLetterTopic(TOPICS.offer), (m) => m.headers.ce_id === id, {
      from: since,
      timeoutMs: 30_000,
    });
    expect(parked.headers).toMatchObject({
      ce_source: '/services/referrals',
      dlq_source_topic: TOPICS.offer,
      dlq_consumer: 'referrals-test',
    });
    expect(parked.headers.dlq_error).toContain('ForeignSourceError');
    expect(await t.prisma.offer.findUnique({ where: { id: offer.offerId } })).toEqual(before);
  });
});
