import {
  AuditRecorded,
  createCloudEvent,
  OfferUpdated,
  toKafkaMessage,
  TOPICS,
  type CloudEvent,
} from '@platform/contracts';
import type { Producer } from 'kafkajs';
import { withCorrelation } from '../correlation/correlation-context';
import { OutboxWriter } from '../outbox/outbox.writer';
import type { SqlDatabase, SqlTransaction } from '../sql-client';
import { InboxProcessor, on, type Delivery } from './inbox.processor';

/** A database whose transactions keep the correlation ids of the outbox rows written in them. */
function recordingDatabase() {
  const written: string[] = [];
  const tx: SqlTransaction = {
    $executeRaw: (query: TemplateStringsArray, ...values: unknown[]) => {
      if (query.join('?').includes('INSERT INTO outbox')) written.push(values[7] as string);
      return Promise.resolve(1);
    },
    $queryRaw: <T>() => Promise.resolve([] as T),
  };
  const db = {
    ...tx,
    $transaction: (fn: (t: SqlTransaction) => Promise<unknown>) => fn(tx),
  } as unknown as SqlDatabase;
  return { db, written };
}

function offerUpdated(extensions?: Record<string, string>): CloudEvent {
  const offerId = '0b8f2d2e-3a51-4c3e-9a57-1f0e6c1d2a10';
  return createCloudEvent({
    source: '/services/specialty-planning',
    type: OfferUpdated.type,
    subject: offerId,
    data: {
      offerId,
      version: 1,
      name: 'Correlation test offer',
      operatorOrgType: 'region',
      operatorOrgCode: '1084',
      level: 'HIGH',
      targetGroups: ['VISION'],
      places: 3,
      active: true,
    },
    ...(extensions ? { extensions } : {}),
  });
}

const deliveryOf = (event: CloudEvent): Delivery => ({
  topic: TOPICS.offer,
  partition: 0,
  message: { ...toKafkaMessage(event), offset: '1' },
  commit: () => Promise.resolve(),
});

describe('an event handled through the inbox', () => {
  const writer = new OutboxWriter('/services/referrals');
  const noProducer = () => Promise.reject(new Error('no broker in a unit test')) as Promise<Producer>;
  /** The effect writes an audit row, as a consumer's command does through the runner. */
  const handler = on(OfferUpdated, (tx, data) =>
    writer
      .append(tx, AuditRecorded, {
        subject: data.offerId,
        data: {
          actor: { subject: 'service:referrals', roles: [] },
          action: 'offer.apply',
          resource: { type: 'offer', id: data.offerId },
          purpose: 'visitation',
          outcome: 'ALLOWED',
          service: 'referrals',
          occurredAt: new Date().toISOString(),
        },
      })
      .then(() => undefined),
  );

  async function produced(event: CloudEvent): Promise<string[]> {
    const { db, written } = recordingDatabase();
    const inbox = new InboxProcessor(db, noProducer, { consumer: 't', maxAttempts: 1, retryDelayMs: 1 });
    // Handled from inside some other work: the consumed event's case wins over it.
    expect(await withCorrelation('poll-loop', () => inbox.process(deliveryOf(event), [handler]))).toBe(
      'applied',
    );
    return written;
  }

  it("produces events that carry the consumed event's correlation id", async () => {
    expect(await produced(offerUpdated({ correlationid: 'case-R' }))).toEqual(['case-R']);
  });

  it('starts the chain at the consumed event when that carries none (written before the extension)', async () => {
    const event = offerUpdated();
    expect(await produced(event)).toEqual([event.id]);
  });
});
