import { createCloudEvent, OfferUpdated, toKafkaMessage, TOPICS } from '@platform/contracts';
import { DeadLetterFailedError } from '../src/inbox/dead-letter';
import { InboxProcessor, InboxStoppedError, on, type Delivery } from '../src/inbox/inbox.processor';
import { KafkaConnection } from '../src/kafka/kafka-connection';
import { databaseUrl, kafkaSettings } from './support/stack';
import { outboxDatabase } from './support/outbox-fixture';
import { PgDatabase } from '@platform/persistence';

/** A delivery of one message at offset 7 that records whether it was committed. */
function delivery(message: Omit<Delivery['message'], 'offset'>) {
  const commits: string[] = [];
  const d: Delivery = {
    topic: TOPICS.offer,
    partition: 0,
    message: { ...message, offset: '7' },
    commit: async () => void commits.push('7'),
  };
  return { delivery: d, commits };
}

const offerEvent = () => {
  const offerId = crypto.randomUUID();
  return toKafkaMessage(
    createCloudEvent({
      source: '/services/specialty-planning',
      type: OfferUpdated.type,
      subject: offerId,
      data: {
        offerId,
        version: 1,
        name: 'Inbox test offer',
        operatorOrgType: 'region',
        operatorOrgCode: '1084',
        level: 'HIGH',
        targetGroups: ['VISION'],
        places: 3,
        active: true,
      },
    }),
  );
};

const applyNothing = on(OfferUpdated, async () => undefined);

/** Issue 7, finding 4: the inbox commits only what is durable, against the real PostgreSQL and a broker. */
describe('the inbox', () => {
  let db: PgDatabase;

  beforeAll(async () => {
    db = await outboxDatabase('messaging_outbox_test');
  });
  afterAll(() => db?.$disconnect());

  it('does not commit a bad message when the dead-letter topic cannot be reached (broker down)', async () => {
    const away = new KafkaConnection({ brokers: ['127.0.0.1:1'], clientId: 'inbox-test-away' });
    const inbox = new InboxProcessor(db, away.producer, {
      consumer: 'inbox-test',
      maxAttempts: 2,
      retryDelayMs: 10,
    });
    const { delivery: bad, commits } = delivery({ key: 'k', value: 'not an event', headers: {} });
    await expect(inbox.process(bad, [applyNothing])).rejects.toBeInstanceOf(DeadLetterFailedError);
    await away.close();
    expect(commits).toEqual([]);
  }, 30_000);

  it('waits while the database does not answer (the inbox INSERT fails), and on shutdown commits nothing', async () => {
    // Nothing listens on this port: every statement, the inbox INSERT first, fails as in an outage.
    const gone = new PgDatabase({ connectionString: databaseUrl('messaging_outbox_test', '1'), max: 2 });
    const real = new KafkaConnection(kafkaSettings('inbox-test'));
    const inbox = new InboxProcessor(gone, real.producer, {
      consumer: 'inbox-test',
      maxAttempts: 2,
      retryDelayMs: 10,
    });
    const { delivery: good, commits } = delivery(offerEvent());
    const outcome = inbox.process(good, [applyNothing]);
    // Far longer than maxAttempts × retryDelayMs: a counting inbox would have dead-lettered and committed.
    await new Promise((r) => setTimeout(r, 3_000));
    inbox.stop();
    await expect(outcome).rejects.toBeInstanceOf(InboxStoppedError);
    await gone.$disconnect();
    await real.close();
    expect(commits).toEqual([]);
  }, 30_000);

  it('applies an event once and commits, and a redelivery is a committed duplicate', async () => {
    const real = new KafkaConnection(kafkaSettings('inbox-test'));
    const inbox = new InboxProcessor(db, real.producer, {
      consumer: 'inbox-test',
      maxAttempts: 2,
      retryDelayMs: 10,
    });
    const message = offerEvent();
    const first = delivery(message);
    expect(await inbox.process(first.delivery, [applyNothing])).toBe('applied');
    const again = delivery(message);
    expect(await inbox.process(again.delivery, [applyNothing])).toBe('duplicate');
    await real.close();
    expect([first.commits, again.commits]).toEqual([['7'], ['7']]);
  }, 30_000);
});
