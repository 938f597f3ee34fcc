import { Logger } from '@nestjs/common';
import type { Producer } from 'kafkajs';
import { inTransaction, type SqlDatabase, type SqlTransaction } from '../sql-client';
import { claimBatch, type OutboxRow } from './outbox-claim';
import { isBrokerUnavailable } from './broker-errors';

export interface RelayOptions {
  batchSize: number;
  pollIntervalMs: number;
  maxBackoffMs: number;
  /** Failed publishes of one row, while the broker answers, before the row is parked (default 5). */
  maxAttempts?: number;
  /** Whether the broker answers (KafkaConnection.ping): tells a broker outage from a row the broker refuses. */
  brokerAnswers?: () => Promise<boolean>;
}

/**
 * Publishes committed outbox rows to Kafka and marks them sent. Delivery is at least once: consumers
 * deduplicate on the CloudEvents id.
 *
 * Order: each message key (aggregate) has one relay at a time (see claimBatch), which sends that key's unsent
 * rows in `seq` order, so two instances never reorder one aggregate's events.
 *
 * Failures: a broker outage rolls the batch back, counts nothing and backs off. A batch the broker refuses
 * while it answers is sent again row by row, to find the row at fault: that row gets an attempt (and its
 * error), the rows of other keys go out, the later rows of its own key wait. After maxAttempts the row is
 * parked (`parked_at`), so it stops costing a try per batch; it keeps holding back its key until an operator
 * clears it.
 */
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');
  private running = false;
  private wake?: () => void;
  /** A nudge that came while a batch was running: the next sleep is skipped, so its rows go out at once. */
  private nudged = false;
  private loop?: Promise<void>;
  private failures = 0;

  constructor(
    private readonly db: SqlDatabase,
    private readonly producer: () => Promise<Producer>,
    private readonly options: RelayOptions,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Called after a transaction that wrote to the outbox committed, so events go out without waiting a poll. */
  nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  /** Sends one batch; returns how many rows were published. */
  async publishBatch(): Promise<number> {
    const producer = await this.producer();
    return inTransaction(
      this.db,
      async (tx) => {
        const rows = await claimBatch(tx, this.options.batchSize);
        if (rows.length === 0) return 0;
        try {
          await producer.sendBatch({ acks: -1, topicMessages: groupByTopic(rows) });
        } catch (error) {
          if (await this.isOutage(error)) throw error;
          return this.oneByOne(tx, producer, rows);
        }
        await markSent(tx, rows);
        return rows.length;
      },
      { timeout: 30_000, maxWait: 5_000 },
    );
  }

  /** Sends rows singly in seq order; a row the broker refuses holds back only the later rows of its key. */
  private async oneByOne(tx: SqlTransaction, producer: Producer, rows: OutboxRow[]): Promise<number> {
    const sent: OutboxRow[] = [];
    const heldBack = new Set<string>();
    for (const row of rows) {
      if (heldBack.has(row.message_key)) continue;
      try {
        await producer.send({ acks: -1, topic: row.topic, messages: [toMessage(row)] });
        sent.push(row);
      } catch (error) {
        // The broker went away meanwhile: keep what went out, count nothing.
        if (await this.isOutage(error)) break;
        heldBack.add(row.message_key);
        await this.recordFailure(tx, row, error);
      }
    }
    await markSent(tx, sent);
    return sent.length;
  }

  private async recordFailure(tx: SqlTransaction, row: OutboxRow, error: unknown): Promise<void> {
    const maxAttempts = this.options.maxAttempts ?? 5;
    const reason = describeError(error).slice(0, 2000);
    const [updated] = await tx.$queryRaw<{ attempts: number; parked: boolean }[]>`
      UPDATE outbox SET attempts = attempts + 1, last_error = ${reason},
        parked_at = CASE WHEN attempts + 1 >= ${maxAttempts} THEN now() END
      WHERE id = ${row.id}::uuid
      RETURNING attempts, parked_at IS NOT NULL AS parked`;
    const log = { id: row.id, topic: row.topic, key: row.message_key, attempts: updated.attempts, reason };
    if (updated.parked) this.logger.error({ msg: 'outbox row parked; later rows of its key wait', ...log });
    else this.logger.warn({ msg: 'broker refused an outbox row; it is tried again', ...log });
  }

  private async isOutage(error: unknown): Promise<boolean> {
    if (isBrokerUnavailable(error)) return true;
    if (!this.options.brokerAnswers) return false;
    return !(await this.options.brokerAnswers().catch(() => false));
  }

  private async run(): Promise<void> {
    while (this.running) {
      let sent = 0;
      this.nudged = false;
      try {
        sent = await this.publishBatch();
        if (this.failures > 0)
          this.logger.log({ msg: 'outbox relay recovered', afterFailures: this.failures });
        this.failures = 0;
      } catch (error) {
        this.failures += 1;
        if (this.failures === 1 || this.failures % 20 === 0) {
          this.logger.warn({
            msg: 'outbox relay cannot publish; events wait in the outbox',
            error: String(error),
          });
        }
      }
      if (sent < this.options.batchSize) await this.sleep(this.delay());
    }
  }

  private delay(): number {
    if (this.failures === 0) return this.options.pollIntervalMs;
    return Math.min(this.options.maxBackoffMs, 250 * 2 ** Math.min(this.failures, 6));
  }

  private sleep(ms: number): Promise<void> {
    if (this.nudged && this.failures === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}

/** Name, Kafka protocol error type (of the error or the last try it wraps) and message, for `last_error`. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const type = [error, error.cause].map((e) => (e as { type?: unknown } | undefined)?.type).find(Boolean);
  return `${error.name}${typeof type === 'string' ? ` (${type})` : ''}: ${error.message}`;
}

/** Marks the rows sent with the batch's COMMIT (one round trip less per batch where the client can defer). */
async function markSent(tx: SqlTransaction, rows: OutboxRow[]): Promise<void> {
  if (rows.length === 0) return;
  const ids = rows.map((r) => r.id);
  if (tx.defer) {
    await tx.defer(() => ({
      text: 'UPDATE outbox SET sent_at = now() WHERE id = ANY($1::uuid[])',
      values: [ids],
    }));
  } else {
    await tx.$executeRaw`UPDATE outbox SET sent_at = now() WHERE id = ANY(${ids}::uuid[])`;
  }
}

function toMessage(row: OutboxRow) {
  return { key: row.message_key, value: JSON.stringify(row.payload), headers: row.headers };
}

/** Messages per topic in seq order: kafkajs keeps that order within each partition. */
function groupByTopic(rows: OutboxRow[]) {
  const byTopic = new Map<string, ReturnType<typeof toMessage>[]>();
  for (const row of rows) byTopic.set(row.topic, [...(byTopic.get(row.topic) ?? []), toMessage(row)]);
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
