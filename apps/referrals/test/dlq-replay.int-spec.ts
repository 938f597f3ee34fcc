import { createCloudEvent, deadLetterTopic, OfferUpdated, toKafkaMessage, TOPICS } from '@platform/contracts';
import { testKafka, waitForEvent } from '@platform/testing';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { eventually } from '@platform/testing';
import { useReferralsApp } from './support/harness';
import type { ReferralsTestApp } from './support/referrals-app';

const DLQ_TOOL = join(__dirname, '../../../tools/dlq');
const dlq = async (...args: string[]) =>
  (await promisify(execFile)(DLQ_TOOL, args, { timeout: 90_000 })).stdout;

/**
 * Issue 7, finding 4: `tools/dlq replay <topic>` puts a parked message back on its topic as it was first
 * produced; the service then applies it exactly once, and a second replay does not send it again.
 */
describe('tools/dlq replay', () => {
  let t: ReferralsTestApp;
  const producer = testKafka('dlq-replay-test').producer();

  useReferralsApp((h) => ({ t } = h));
  beforeAll(() => producer.connect());
  afterAll(() => producer.disconnect());

  it('replays a parked offer event, which is then applied once; a second run replays nothing', async () => {
    const offerId = randomUUID();
    const event = createCloudEvent({
      source: '/services/specialty-planning',
      type: OfferUpdated.type,
      subject: offerId,
      data: {
        offerId,
        version: 1,
        name: 'Parked during an outage (test)',
        operatorOrgType: 'region',
        operatorOrgCode: '1084',
        level: 'HIGH',
        targetGroups: ['VISION'],
        places: 4,
        active: true,
      },
    });
    const message = toKafkaMessage(event);
    const since = new Date(Date.now() - 1_000);
    // As the inbox parks it: the original key, value and headers, plus why and where from.
    await producer.send({
      topic: deadLetterTopic(TOPICS.offer),
      acks: -1,
      messages: [
        {
          ...message,
          headers: {
            ...message.headers,
            dlq_error: 'Error: the database refused the effect (test)',
            dlq_attempts: '5',
            dlq_source_topic: TOPICS.offer,
            dlq_source_partition: '0',
            dlq_source_offset: '0',
            dlq_consumer: 'referrals-test',
          },
        },
      ],
    });

    const dry = await dlq('replay', TOPICS.offer, '--since', since.toISOString(), '--dry-run');
    expect(dry).toContain(`would replay`);
    expect(dry).toContain(`id=${event.id}`);
    expect(await t.prisma.offer.findUnique({ where: { id: offerId } })).toBeNull();

    const replayed = await dlq('replay', TOPICS.offer, '--since', since.toISOString());
    expect(replayed).toContain(`replayed`);
    expect(replayed).toContain(`id=${event.id}`);
    await eventually(async () => (await t.prisma.offer.findUnique({ where: { id: offerId } }))?.places === 4);
    const back = await waitForEvent(TOPICS.offer, (m) => m.headers.ce_id === event.id, { from: since });
    expect(back.key?.toString()).toBe(offerId);
    expect(Object.keys(back.headers).filter((h) => h.startsWith('dlq_'))).toEqual([]);
    expect(back.headers).toMatchObject({
      ce_source: '/services/specialty-planning',
      ce_type: OfferUpdated.type,
    });

    // The group's offsets moved past it: the next run (from where the last stopped) does not send it again.
    const second = await dlq('replay', TOPICS.offer);
    expect(second).not.toContain(event.id);
    expect(await t.prisma.inboxMessage.count({ where: { eventId: event.id } })).toBe(1);
  }, 180_000);
});
