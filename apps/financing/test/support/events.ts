import { createCloudEvent, toKafkaMessage, type EventData, type EventDefinition } from '@platform/contracts';
import { testKafka } from '@platform/testing';
import type { Producer } from 'kafkajs';

let producer: Promise<Producer> | undefined;

async function connect(): Promise<Producer> {
  const created = testKafka('financing-test-redelivery').producer();
  await created.connect();
  return created;
}

/**
 * Publishes one event as the service that owns it would, `times` times with the same CloudEvents id: what Kafka's
 * at-least-once delivery does to a consumer after a rebalance or a producer retry. Returns the event id.
 */
export async function deliver<D extends EventDefinition>(
  definition: D,
  subject: string,
  data: EventData<D>,
  service: string,
  times = 1,
): Promise<string> {
  producer ??= connect();
  const event = createCloudEvent({ source: `/services/${service}`, type: definition.type, subject, data });
  const message = toKafkaMessage(event);
  await (
    await producer
  ).send({
    topic: definition.topic,
    acks: -1,
    messages: Array.from({ length: times }, () => message),
  });
  return event.id;
}

export async function closeDelivery(): Promise<void> {
  const current = producer;
  producer = undefined;
  await (await current)?.disconnect();
}
