import { EVENT_CATALOGUE } from '../events/catalogue';
import type { EventDefinition } from '../events/event-definition';
import { TOPIC_REGISTRY, TOPICS, type ServiceName, type TopicSpec } from '../topics';
import type { JsonSchema } from './json-schema';
import {
  DEAD_LETTER_MESSAGE,
  deadLetterMessage,
  eventMessage,
  KAFKA_BINDING_VERSION,
  sharedSchemas,
} from './messages';

/** An AsyncAPI 3.0.0 document as plain JSON; `@asyncapi/parser` is what checks its shape (see the spec). */
export interface AsyncApiDocument {
  asyncapi: '3.0.0';
  info: JsonSchema;
  defaultContentType: string;
  servers: Record<string, JsonSchema>;
  channels: Record<string, JsonSchema>;
  operations: Record<string, JsonSchema>;
  components: { schemas: Record<string, JsonSchema>; messages: Record<string, JsonSchema> };
}

/** Channel ids are the registry's constant names (`referral`, `referralDeadLetter`), stable and readable. */
const TOPIC_KEYS = new Map<string, string>(Object.entries(TOPICS).map(([key, name]) => [name, key]));
const channelId = (topic: TopicSpec) => TOPIC_KEYS.get(topic.name) as string;
const deadLetterChannelId = (topic: TopicSpec) => `${channelId(topic)}DeadLetter`;
const ref = (...path: string[]) => ({ $ref: `#/${path.join('/')}` });

/**
 * The platform's Kafka contract as AsyncAPI 3.0, built only from the topic registry and the event catalogue:
 * one channel per topic and per dead-letter topic, one message per CloudEvents type, and the operations the
 * registry names (owners and other producers send, consumers receive and park failures on the dead-letter topic).
 */
export function buildAsyncApiDocument(): AsyncApiDocument {
  const channels: Record<string, JsonSchema> = {};
  const operations: Record<string, JsonSchema> = {};
  for (const topic of TOPIC_REGISTRY) {
    const events = EVENT_CATALOGUE.filter((d) => d.topic === topic.name);
    channels[channelId(topic)] = topicChannel(topic, events);
    channels[deadLetterChannelId(topic)] = deadLetterChannel(topic);
    Object.assign(operations, topicOperations(topic, events));
  }
  return {
    asyncapi: '3.0.0',
    info: INFO,
    defaultContentType: 'application/json',
    servers: SERVERS,
    channels,
    operations,
    components: {
      schemas: sharedSchemas(),
      messages: {
        ...Object.fromEntries(EVENT_CATALOGUE.map((d) => [d.type, eventMessage(d)])),
        [DEAD_LETTER_MESSAGE]: deadLetterMessage(),
      },
    },
  };
}

function topicChannel(topic: TopicSpec, events: readonly EventDefinition[]): JsonSchema {
  const consumers = topic.consumers.length ? topic.consumers.join(', ') : 'none yet';
  return {
    address: topic.name,
    title: topic.name,
    description:
      `Owner: ${topic.owner}. Producers: ${topic.producers.join(', ')}. Consumers: ${consumers}. ` +
      `Keyed by the aggregate id (the CloudEvents subject), so one aggregate's events keep their order. ` +
      `Failures go to \`${topic.deadLetter}\`.` +
      (events.length ? '' : ' No event types are defined yet.'),
    messages: Object.fromEntries(events.map((d) => [d.type, ref('components', 'messages', d.type)])),
    bindings: { kafka: { partitions: topic.partitions, bindingVersion: KAFKA_BINDING_VERSION } },
  };
}

function deadLetterChannel(topic: TopicSpec): JsonSchema {
  return {
    address: topic.deadLetter,
    title: topic.deadLetter,
    description: `Dead letters of \`${topic.name}\`, written by its consumers; read by operators, not by services.`,
    messages: { [DEAD_LETTER_MESSAGE]: ref('components', 'messages', DEAD_LETTER_MESSAGE) },
    // Dead-letter topics are created with one partition (libs/messaging, topic creation).
    bindings: { kafka: { partitions: 1, bindingVersion: KAFKA_BINDING_VERSION } },
  };
}

function topicOperations(topic: TopicSpec, events: readonly EventDefinition[]): Record<string, JsonSchema> {
  const id = channelId(topic);
  const messages = events.map((d) => ref('channels', id, 'messages', d.type));
  const operation = (service: ServiceName, action: 'send' | 'receive', title: string) => ({
    action,
    channel: ref('channels', id),
    title,
    messages,
    tags: [{ name: service }],
  });
  const out: Record<string, JsonSchema> = {};
  for (const service of topic.producers) {
    out[`${service}.send.${id}`] = operation(service, 'send', `${service} publishes to ${topic.name}`);
  }
  for (const service of topic.consumers) {
    out[`${service}.receive.${id}`] = operation(service, 'receive', `${service} consumes ${topic.name}`);
    out[`${service}.deadLetter.${id}`] = {
      action: 'send',
      channel: ref('channels', deadLetterChannelId(topic)),
      title: `${service} parks what it cannot apply from ${topic.name}`,
      messages: [ref('channels', deadLetterChannelId(topic), 'messages', DEAD_LETTER_MESSAGE)],
      tags: [{ name: service }],
    };
  }
  return out;
}

const INFO: JsonSchema = {
  title: 'Specialised social platform: events',
  version: '1.0.0',
  description: [
    'Every message is a CloudEvents 1.0 event in Kafka binary mode: the value is the JSON `data`, the attributes',
    'are `ce_*` headers (plus `content-type`), the key is the aggregate id. Schemas are strict: unknown fields are',
    'refused. No event carries a CPR number; citizens appear as `citizenPseudonym`. Delivery is at least once;',
    'consumers deduplicate on `ce_id`. Generated from `libs/contracts` by `tools/asyncapi.ts`; do not edit by hand.',
  ].join('\n'),
};

const SERVERS: Record<string, JsonSchema> = {
  local: {
    host: '127.0.0.1:9092',
    protocol: 'kafka',
    title: 'Local stack',
    description:
      'The broker of `tools/stack` (PLAINTEXT, no authentication). Production brokers are reached over SASL_SSL; ' +
      'their addresses and credentials are environment configuration, not part of this contract.',
  },
};
