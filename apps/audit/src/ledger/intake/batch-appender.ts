import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  AuditRecorded,
  fromKafkaMessage,
  parseEventData,
  type KafkaInboundMessage,
} from '@platform/contracts';
import { KIT_CONFIG, type KitConfig } from '@platform/kit';
import { checkSource, InboxProcessor, on, type Delivery, type HandlerEntry } from '@platform/messaging';
import { PgDatabase } from '@platform/persistence';
import type { Tx } from '../../database/prisma.service';
import { LedgerRepository, type AuditAppend } from '../ledger.repository';

/** A run of consecutive messages of one partition, as the consumer fetched them. */
export interface MessageRun {
  topic: string;
  partition: number;
  messages: (KafkaInboundMessage & { offset: string })[];
  /** Commits the partition's offset past the message at `offset`. */
  commit(offset: string): Promise<void>;
  heartbeat(): Promise<void>;
}

/**
 * Appends a run of audit events in one transaction: their event ids into the inbox (the platform's table and
 * consumer name, so exactly-once holds across both paths) and the ones not seen before into the chain, then
 * one offset commit. A crash before the commit of the transaction leaves nothing; a crash after it leaves the
 * inbox rows, so the redelivered run appends nothing twice.
 *
 * Anything unusual (a message that is not a valid audit event, a failed transaction: the database gone, a row
 * it refuses) sends the run through the platform's inbox one message at a time instead, which retries, waits
 * out an outage and dead-letters a bad message exactly as every other consumer does.
 */
@Injectable()
export class LedgerBatchAppender {
  private readonly log = new Logger('LedgerBatchAppender');
  private readonly oneByOne: HandlerEntry;

  constructor(
    private readonly db: PgDatabase,
    private readonly ledger: LedgerRepository,
    private readonly inbox: InboxProcessor,
    @Inject(KIT_CONFIG) private readonly config: KitConfig,
  ) {
    this.oneByOne = on<typeof AuditRecorded, Tx>(AuditRecorded, async (tx, data, event) => {
      await this.ledger.appendAll(tx, [{ eventId: event.id, data }]);
    });
  }

  /** Appends the run; the offset is committed past its last message when this resolves. */
  async append(run: MessageRun): Promise<'batch' | 'one-by-one'> {
    const events = decodeAll(run);
    if (events) {
      try {
        await this.db.$transaction((tx) =>
          appendRun(tx, this.ledger, { consumer: this.config.consumerGroup, topic: run.topic }, events),
        );
        await run.commit(run.messages.at(-1)!.offset);
        return 'batch';
      } catch (error) {
        this.log.warn({
          msg: 'batch append failed; appending one event at a time',
          topic: run.topic,
          partition: run.partition,
          events: events.length,
          error: error instanceof Error ? error.name : 'unknown',
        });
      }
    }
    for (const message of run.messages) await this.inbox.process(delivery(run, message), [this.oneByOne]);
    return 'one-by-one';
  }
}

/**
 * One run in the caller's transaction: the event ids into the inbox, then the events not seen before (in the
 * order the topic holds them; an id twice in one run, a producer's retry, once) into the chain.
 */
export async function appendRun(
  tx: Tx,
  ledger: LedgerRepository,
  inbox: { consumer: string; topic: string },
  events: readonly AuditAppend[],
): Promise<number> {
  const ids = [...new Set(events.map((e) => e.eventId))];
  const recorded = await tx.$queryRaw<{ event_id: string }[]>`
    INSERT INTO inbox (consumer, event_id, event_type, topic)
    SELECT ${inbox.consumer}, id, ${AuditRecorded.type}, ${inbox.topic} FROM unnest(${ids}::text[]) AS id
    ON CONFLICT DO NOTHING RETURNING event_id`;
  const fresh = new Set(recorded.map((r) => r.event_id));
  return (
    await ledger.appendAll(
      tx,
      events.filter((e) => fresh.delete(e.eventId)),
    )
  ).length;
}

/**
 * The run's audit events, or null when any message is not one: not a CloudEvent, from a source that may not
 * write the topic, or data that breaks the schema. Other event types are left out, as the inbox skips them.
 */
function decodeAll(run: MessageRun): AuditAppend[] | null {
  const events: AuditAppend[] = [];
  try {
    for (const message of run.messages) {
      const event = fromKafkaMessage(message);
      checkSource(run.topic, event);
      if (event.type !== AuditRecorded.type) continue;
      events.push({ eventId: event.id, data: parseEventData(AuditRecorded, event) });
    }
  } catch {
    return null;
  }
  return events;
}

function delivery(run: MessageRun, message: MessageRun['messages'][number]): Delivery {
  return {
    topic: run.topic,
    partition: run.partition,
    message,
    heartbeat: run.heartbeat,
    commit: () => run.commit(message.offset),
  };
}
