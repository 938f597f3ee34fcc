import { z } from 'zod';
import { CORRELATION_ID_PATTERN } from '../cloudevents/correlation';

/**
 * The Kafka headers of the CloudEvents binary binding (cloudevents/kafka-binding.ts) as schemas, for the AsyncAPI
 * document. They are zod so the spec can check that what `toKafkaMessage` writes matches what the document
 * promises; `ce_type` is narrowed per message by the generator.
 */
export const cloudEventHeaders = z
  .object({
    ce_specversion: z.literal('1.0'),
    ce_id: z.string().min(1).describe('Unique per event (the outbox row id); consumers deduplicate on it.'),
    ce_source: z
      .string()
      .regex(/^\/services\/[a-z-]+$/)
      .describe('The producing service, e.g. `/services/referrals`.'),
    ce_type: z.string().min(1).describe('The CloudEvents type, e.g. `dk.social.referral.created.v1`.'),
    ce_subject: z.string().min(1).describe('The aggregate id; also the Kafka key.'),
    ce_time: z.iso.datetime({ offset: true }).describe('When the event happened (ISO 8601).'),
    'content-type': z.literal('application/json').describe('The content type of the value (the event data).'),
    ce_dataschema: z.string().optional(),
    ce_actor: z
      .string()
      .optional()
      .describe('Who caused the event: `<org type>:<org code>:<client id>`; never a token or a name.'),
    ce_correlationid: z
      .string()
      .regex(CORRELATION_ID_PATTERN)
      .optional()
      .describe(
        'The CloudEvents extension `correlationid`: the case the event belongs to, the same on every event of ' +
          "one citizen's case in every service (the `X-Request-Id` of the request that opened it). Every " +
          'producer of the platform sets it; only events written before the extension existed lack it.',
      ),
  })
  // Further `ce_*` headers are CloudEvents extensions (e.g. `ce_traceparent`); a consumer ignores what it does not know.
  .catchall(z.string());

/** What a consumer adds when it parks a message on `<topic>.dlq` (libs/messaging, inbox processor). */
export const deadLetterHeaders = z
  .object({
    dlq_error: z
      .string()
      .max(2000)
      .describe('Why the message could not be applied (error name and message).'),
    dlq_attempts: z.string().regex(/^\d+$/).describe('How many times the consumer tried.'),
    dlq_source_topic: z.string().describe('The topic the message was read from.'),
    dlq_source_partition: z.string().regex(/^\d+$/),
    dlq_source_offset: z.string().regex(/^\d+$/),
    dlq_consumer: z.string().describe('The consumer (inbox name) that gave up.'),
  })
  // The original headers travel along unchanged (usually the `ce_*` headers above).
  .catchall(z.string());
