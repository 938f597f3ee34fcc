import { createCloudEvent, toKafkaMessage, type EventData, type EventDefinition } from '@platform/contracts';
import type { Producer } from 'kafkajs';
import { testKafka } from './kafka';

let producer: Promise<Producer> | undefined;

/**
 * Publishes an event straight to Kafka as the service that owns it would (CloudEvents, binary mode), for
 * tests and the demo seed that speak for services that do not exist yet. Services themselves publish only
 * through their outbox.
 */
export async function publishEvent<D extends EventDefinition>(
  definition: D,
  subject: string,
  data: EventData<D>,
  source: string,
): Promise<string> {
  producer ??= connect();
  const event = createCloudEvent({ source, type: definition.type, subject, data });
  await (await producer).send({ topic: definition.topic, acks: -1, messages: [toKafkaMessage(event)] });
  return event.id;
}

/** Disconnects the shared producer (call from afterAll / at the end of a script). */
export async function closePublisher(): Promise<void> {
  const current = producer;
  producer = undefined;
  await (await current)?.disconnect();
}

async function connect(): Promise<Producer> {
  const created = testKafka('platform-testing-publisher').producer();
  await created.connect();
  return created;
}
