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
import { ForeignSourceError, checkSource } from './event-source';

/** One message handed to a consumer, with a way to commit past it. */
export interface Delivery {
  topic: string;
  partition: number;
  message: KafkaInboundMessage & { offset: string };
  /** Commits the offset after this message (Kafka's committed offset is the next one to read). */
  commit(): Promise<void>;
  /** Keeps the consumer in its group while a message waits for the database to come back. */
  heartbeat?(): Promise<void>;
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
  /** Tries of an effect that fails while the database answers: then the message itself is the problem. */
  maxAttempts: number;
  retryDelayMs: number;
  /** Longest wait between tries while the database does not answer (default 30 s). */
  maxBackoffMs?: number;
}

/** Thrown by an effect when retrying cannot help (e.g. the event names something this service never had). */
export class PermanentEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentEventError';
  }
}

/** The consumer is shutting down while a message waits: it is neither applied nor committed. */
export class InboxStoppedError extends Error {
  constructor() {
    super('inbox stopped before the message could be applied');
    this.name = 'InboxStoppedError';
  }
}

export type Outcome = 'applied' | 'duplicate' | 'skipped' | 'dead-lettered';

/**
 * Idempotent consumption: the event id goes into the `inbox` table in the same transaction as the effect, so
 * a redelivered event (after a crash, a rebalance, a replay) has no second effect. The offset is committed
 * only after that transaction.
 *
 * Only a message that is itself bad goes to `<topic>.dlq`: not a CloudEvent, a schema violation, a producer
 * that does not own the topic, or an effect that keeps failing while the database answers. While the database
 * does not answer, the message is retried with backoff, never committed and never dead-lettered: an outage
 * delays events, it does not lose them.
 */
export class InboxProcessor {
  private readonly logger = new Logger('InboxProcessor');
  private stopped = false;

  constructor(
    private readonly db: SqlDatabase,
    private readonly producer: () => Promise<Producer>,
    private readonly options: InboxOptions,
  ) {}

  /** Ends waiting loops: a message still waiting for the database is left uncommitted for redelivery. */
  stop(): void {
    this.stopped = true;
  }

  async process(delivery: Delivery, handlers: HandlerEntry[]): Promise<Outcome> {
    const outcome = await this.handle(delivery, handlers);
    await delivery.commit();
    return outcome;
  }

  private async handle(delivery: Delivery, handlers: HandlerEntry[]): Promise<Outcome> {
    let event: CloudEvent;
    try {
      event = fromKafkaMessage(delivery.message);
      checkSource(delivery.topic, event);
    } catch (error) {
      if (error instanceof InvalidCloudEventError || error instanceof ForeignSourceError) {
        return this.deadLetter(delivery, error, 0);
      }
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
  ): Promise<Outcome> {
    let attempts = 0;
    let outages = 0;
    for (;;) {
      if (this.stopped) throw new InboxStoppedError();
      try {
        return await this.applyOnce(delivery, event, data, handler);
      } catch (error) {
        if (error instanceof PermanentEventError) return this.deadLetter(delivery, error, attempts + 1);
        if (!(await this.databaseAnswers())) {
          outages += 1;
          this.warn('database unavailable; the event waits', event, outages, error);
          await this.wait(delivery, Math.min(this.options.maxBackoffMs ?? 30_000, 250 * 2 ** outages));
          continue;
        }
        attempts += 1;
        if (attempts >= this.options.maxAttempts) return this.deadLetter(delivery, error, attempts);
        this.warn('event effect failed; retrying', event, attempts, error);
        await this.wait(delivery, this.options.retryDelayMs * attempts);
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

  private async databaseAnswers(): Promise<boolean> {
    try {
      await this.db.$queryRaw`SELECT 1`;
      return true;
    } catch {
      return false;
    }
  }

  /** Sleeps in short steps, keeping the group membership alive and giving way to a shutdown. */
  private async wait(delivery: Delivery, ms: number): Promise<void> {
    const until = Date.now() + ms;
    while (Date.now() < until && !this.stopped) {
      await new Promise((r) => setTimeout(r, Math.min(1_000, until - Date.now())));
      await delivery.heartbeat?.().catch(() => undefined);
    }
  }

  private warn(msg: string, event: CloudEvent, attempt: number, error: unknown): void {
    this.logger.warn({ msg, type: event.type, id: event.id, attempt, error: errorName(error) });
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

/** The error's class only: messages of database errors can quote the values of the failed statement. */
function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'unknown';
}
