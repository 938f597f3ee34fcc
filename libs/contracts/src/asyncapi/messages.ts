import type { EventDefinition } from '../events/event-definition';
import { jsonSchemaOf, type JsonSchema } from './json-schema';
import { cloudEventHeaders, deadLetterHeaders } from './kafka-headers';

export const CLOUD_EVENT_HEADERS = 'CloudEventHeaders';
export const DEAD_LETTER_HEADERS = 'DeadLetterHeaders';
export const DEAD_LETTER_MESSAGE = 'deadLetter';

export const KAFKA_BINDING_VERSION = '0.5.0';

/** Shared schemas, referenced from every message so the header contract is written once. */
export function sharedSchemas(): Record<string, JsonSchema> {
  return {
    [CLOUD_EVENT_HEADERS]: jsonSchemaOf(cloudEventHeaders),
    [DEAD_LETTER_HEADERS]: jsonSchemaOf(deadLetterHeaders),
  };
}

/**
 * One message per CloudEvents type: the value is the event's `data`, the attributes are `ce_*` headers (binary
 * mode, with `ce_type` fixed to this type) and the key is the subject, so one aggregate's events share a
 * partition and stay in order.
 */
export function eventMessage(definition: EventDefinition): JsonSchema {
  return {
    name: definition.type,
    title: definition.type,
    summary: `CloudEvent \`${definition.type}\` on \`${definition.topic}\`; the value is its \`data\`.`,
    contentType: 'application/json',
    headers: {
      type: 'object',
      allOf: [
        { $ref: `#/components/schemas/${CLOUD_EVENT_HEADERS}` },
        { type: 'object', properties: { ce_type: { const: definition.type } }, required: ['ce_type'] },
      ],
    },
    payload: jsonSchemaOf(definition.schema),
    bindings: {
      kafka: {
        key: {
          type: 'string',
          description: 'The CloudEvents subject: the id of the aggregate the event is about.',
        },
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
  };
}

/** A parked message: the original key, value and headers, byte for byte, plus the `dlq_*` headers. */
export function deadLetterMessage(): JsonSchema {
  return {
    name: 'dead-letter',
    title: 'Dead letter',
    summary:
      'A message a consumer could not apply, with the reason and its source position in `dlq_*` headers.',
    description:
      'Sent at once when the message is not a CloudEvent or fails its schema, and after 5 attempts when its ' +
      'effect keeps failing. The value is copied unchanged, so it need not be JSON (that may be why it is here).',
    contentType: 'application/octet-stream',
    headers: { $ref: `#/components/schemas/${DEAD_LETTER_HEADERS}` },
    payload: { description: 'The original value, unchanged.' },
    bindings: {
      kafka: {
        key: { type: 'string', description: 'The original key, unchanged.' },
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
  };
}
