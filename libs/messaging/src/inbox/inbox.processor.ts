import { Logger } from '@nestjs/common';
import {
  deadLetterTopic,
  EventSchemaError,
  fromKafkaMessage,
  InvalidCloudEventError,
  parseEventData,
  type CloudEvent,
  type EventData,
  type EventDefinition,
  type KafkaInboundMessage,
} from '@platform/contracts';
import type { Producer } from 'kafkajs';
import { inTransaction, type SqlDatabase, type SqlTransaction } from '../sql-client';

/** One message handed to a consumer, with a way to commit past it. */
export interface Delivery {
  topic: string;
  partition: number;
  message: KafkaInboundMessage & { offset: string };
  /** Commits the offset after this message (Kafka's committed offset is the next one to read). */
  commit(): Promise<void>;
}

export type EffectHandler<D extends EventDefinition> = (
  tx: SqlTransaction,
  data: EventData<D>,
  event: CloudEvent,
) => Promise<void>;

/** A handler per event type; types a consumer does not handle are skipped (topics carry several types). */
export interface HandlerEntry<D extends EventDefinition = EventDefinition> {
  definition: D;
  apply: EffectHandler<D>;
}

/**
 * Binds an effect to an event type. `T` lets a service name its own transaction client type (the inbox hands
 * over the transaction of the service's Prisma client, which is exactly that type).
 */
export function on<D extends EventDefinition, T extends SqlTransaction = SqlTransaction>(
  definition: D,
  apply: (tx: T, data: EventData<D>, event: CloudEvent) => Promise<void>,
): HandlerEntry {
  return { definition, apply } as unknown as HandlerEntry;
}

export interface InboxOptions {
  /** Identifies the consumer in the inbox table (usually the consumer group). */
  consumer: string;
  maxAttempts: number;
  retryDelayMs: number;
}

/** Thrown by an effect when retrying cannot help (e.g. the event names something this service never had). */
export class PermanentEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentEventError';
  }
}

export type Outcome = 'applied' | 'duplicate' | 'skipped' | 'dead-lettered';

/**
 * Idempotent consumption: the event id goes into the `inbox` table in the same transaction as the effect, so
 * a redelivered event (after a crash, a rebalance, a replay) has no second effect. The offset is committed
 * only after that transaction. A message that is not a valid event goes to `<topic>.dlq` at once; one whose
 * effect keeps failing goes there after `maxAttempts`, with the error in headers. Nothing is dropped silently.
 */
export class InboxProcessor {
  private readonly logger = new Logger('InboxProcessor');

  constructor(
    private readonly db: SqlDatabase,
    private readonly producer: () => Promise<Producer>,
    private readonly options: InboxOptions,
  ) {}

  async process(delivery: Delivery, handlers: HandlerEntry[]): Promise<Outcome> {
    const outcome = await this.handle(delivery, handlers);
    await delivery.commit();
    return outcome;
  }

  private async handle(delivery: Delivery, handlers: HandlerEntry[]): Promise<Outcome> {
    let event: CloudEvent;
    try {
      event = fromKafkaMessage(delivery.message);
    } catch (error) {
      if (error instanceof InvalidCloudEventError) return this.deadLetter(delivery, error, 0);
      throw error;
    }
    const handler = handlers.find((h) => h.definition.type === event.type);
    if (!handler) return 'skipped';
    let data: unknown;
    try {
      data = parseEventData(handler.definition, event);
    } catch (error) {
      if (error instanceof EventSchemaError) return this.deadLetter(delivery, error, 0);
      throw error;
    }
    return this.applyWithRetries(delivery, event, data, handler);
  }

  private async applyWithRetries(
    delivery: Delivery,
    event: CloudEvent,
    data: unknown,
    handler: HandlerEntry,
  ) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.applyOnce(delivery, event, data, handler);
      } catch (error) {
        if (error instanceof PermanentEventError || attempt >= this.options.maxAttempts) {
          return this.deadLetter(delivery, error, attempt);
        }
        this.logger.warn({
          msg: 'event effect failed; retrying',
          type: event.type,
          id: event.id,
          attempt,
          error: String(error),
        });
        await new Promise((r) => setTimeout(r, this.options.retryDelayMs * attempt));
      }
    }
  }

  private applyOnce(
    delivery: Delivery,
    event: CloudEvent,
    data: unknown,
    handler: HandlerEntry,
  ): Promise<Outcome> {
    return inTransaction(this.db, async (tx) => {
      const recorded = await tx.$executeRaw`
        INSERT INTO inbox (consumer, event_id, event_type, topic)
        VALUES (${this.options.consumer}, ${event.id}, ${event.type}, ${delivery.topic})
        ON CONFLICT DO NOTHING`;
      if (recorded === 0) return 'duplicate' as const;
      await handler.apply(tx, data as never, event);
      return 'applied' as const;
    });
  }

  private async deadLetter(delivery: Delivery, error: unknown, attempts: number): Promise<Outcome> {
    const { message } = delivery;
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.logger.error({
      msg: 'message sent to dead-letter topic',
      topic: delivery.topic,
      offset: message.offset,
      reason,
    });
    const producer = await this.producer();
    await producer.send({
      topic: deadLetterTopic(delivery.topic),
      acks: -1,
      messages: [
        {
          key: message.key ?? null,
          value: message.value,
          headers: {
            ...(message.headers as Record<string, string | Buffer>),
            dlq_error: reason.slice(0, 2000),
            dlq_attempts: String(attempts),
            dlq_source_topic: delivery.topic,
            dlq_source_partition: String(delivery.partition),
            dlq_source_offset: message.offset,
            dlq_consumer: this.options.consumer,
          },
        },
      ],
    });
    return 'dead-lettered';
  }
}
