import { Logger } from '@nestjs/common';
import {
  correlationIdOf,
  EventSchemaError,
  isCorrelationId,
  fromKafkaMessage,
  InvalidCloudEventError,
  parseEventData,
  type CloudEvent,
  type EventData,
  type EventDefinition,
  type KafkaInboundMessage,
} from '@platform/contracts';
import type { Producer } from 'kafkajs';
import { withCorrelation } from '../correlation/correlation-context';
import { isDatabaseUnavailable } from '../database-errors';
import { inTransaction, type SqlDatabase, type SqlTransaction } from '../sql-client';
import { sendToDeadLetter } from './dead-letter';
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
  /** Longest pause between probes while the database does not answer (default 10 s). */
  maxBackoffMs?: number;
  /**
   * Called after an effect committed: the service's outbox relay is nudged here, so events an effect wrote
   * (through the command runner) leave at once instead of at the relay's next poll.
   */
  onApplied?: () => void;
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

  /**
   * Commits only after the outcome is durable (effect committed, or message on the DLQ). Anything thrown
   * (InboxStoppedError, DeadLetterFailedError, a failed commit) leaves the offset where it was: the consumer
   * crashes, restarts from the committed offset, and the inbox turns a second delivery into a no-op.
   */
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
    const outcome = await this.applyWithRetries(delivery, event, data, handler);
    if (outcome === 'applied') this.options.onApplied?.();
    return outcome;
  }

  private async applyWithRetries(
    delivery: Delivery,
    event: CloudEvent,
    data: unknown,
    handler: HandlerEntry,
  ): Promise<Outcome> {
    let attempts = 0;
    for (;;) {
      if (this.stopped) throw new InboxStoppedError();
      try {
        // The inbox INSERT runs in the same try: a database that fails it is an outage like any other.
        return await this.applyOnce(delivery, event, data, handler);
      } catch (error) {
        if (error instanceof PermanentEventError) return this.deadLetter(delivery, error, attempts + 1);
        // Asked after the failure, not assumed from the error alone: a driver error we do not recognise is
        // still no reason to dead-letter while the database does not answer.
        if (isDatabaseUnavailable(error) || !(await this.databaseAnswers())) {
          this.warn('database unavailable; the event waits, uncommitted', event, attempts, error);
          await this.waitForDatabase(delivery);
          continue;
        }
        attempts += 1;
        if (attempts >= this.options.maxAttempts) return this.deadLetter(delivery, error, attempts);
        this.warn('event effect failed; retrying', event, attempts, error);
        await this.sleep(delivery, this.options.retryDelayMs * attempts);
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
      // The effect runs in the consumed event's case: what it writes to the outbox (events, audit rows) carries
      // the same correlation id, with no handler passing it on.
      await withCorrelation(correlationOfConsumed(event), () => handler.apply(tx, data as never, event));
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

  /**
   * Waits until `SELECT 1` answers, probing with backoff (0.5 s doubling to maxBackoffMs): the message is
   * tried again as soon as the database is back, not after a fixed sleep. Throws InboxStoppedError on shutdown.
   */
  private async waitForDatabase(delivery: Delivery): Promise<void> {
    const maxBackoff = this.options.maxBackoffMs ?? 10_000;
    for (let pause = 500; ; pause = Math.min(maxBackoff, pause * 2)) {
      await this.sleep(delivery, pause);
      if (this.stopped) throw new InboxStoppedError();
      if (await this.databaseAnswers()) return;
    }
  }

  /** Sleeps in short steps, heartbeating so the group keeps this consumer, and giving way to a shutdown. */
  private async sleep(delivery: Delivery, ms: number): Promise<void> {
    const until = Date.now() + ms;
    while (Date.now() < until && !this.stopped) {
      await new Promise((r) => setTimeout(r, Math.min(1_000, until - Date.now())));
      await delivery.heartbeat?.().catch(() => undefined);
    }
  }

  private warn(msg: string, event: CloudEvent, attempt: number, error: unknown): void {
    this.logger.warn({ msg, type: event.type, id: event.id, attempt, error: errorName(error) });
  }

  /** Throws DeadLetterFailedError when the broker does not take it: then nothing is committed. */
  private async deadLetter(delivery: Delivery, error: unknown, attempts: number): Promise<Outcome> {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.logger.error({
      msg: 'message sent to dead-letter topic',
      topic: delivery.topic,
      offset: delivery.message.offset,
      reason,
    });
    await sendToDeadLetter(this.producer, delivery, {
      reason,
      attempts,
      consumer: this.options.consumer,
    });
    return 'dead-lettered';
  }
}

/**
 * The consumed event's correlation id; an event from before the extension existed starts a chain at its own
 * id, so what it causes can still be traced back to it.
 */
function correlationOfConsumed(event: CloudEvent): string | undefined {
  return correlationIdOf(event) ?? (isCorrelationId(event.id) ? event.id : undefined);
}

/** The error's class only: messages of database errors can quote the values of the failed statement. */
function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'unknown';
}
