import { Logger } from '@nestjs/common';
import type { Producer } from 'kafkajs';
import { inTransaction, type SqlDatabase } from '../sql-client';

interface OutboxRow {
  id: string;
  topic: string;
  message_key: string;
  headers: Record<string, string>;
  payload: unknown;
}

export interface RelayOptions {
  batchSize: number;
  pollIntervalMs: number;
  maxBackoffMs: number;
}

/**
 * Publishes committed outbox rows to Kafka and marks them sent. Rows are locked with FOR UPDATE SKIP LOCKED,
 * so several relays (instances) never send the same row at the same time; if Kafka is down the transaction
 * rolls back and the rows wait. Delivery is at least once: consumers deduplicate on the CloudEvents id.
 */
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');
  private running = false;
  private wake?: () => void;
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
    this.wake?.();
  }

  /** Sends one batch; returns how many rows were published. */
  async publishBatch(): Promise<number> {
    const producer = await this.producer();
    return inTransaction(
      this.db,
      async (tx) => {
        const rows = await tx.$queryRaw<OutboxRow[]>`
          SELECT id, topic, message_key, headers, payload FROM outbox
          WHERE sent_at IS NULL ORDER BY seq LIMIT ${this.options.batchSize}
          FOR UPDATE SKIP LOCKED`;
        if (rows.length === 0) return 0;
        await producer.sendBatch({ acks: -1, topicMessages: groupByTopic(rows) });
        const ids = rows.map((r) => r.id);
        await tx.$executeRaw`UPDATE outbox SET sent_at = now() WHERE id = ANY(${ids}::uuid[])`;
        return rows.length;
      },
      { timeout: 30_000, maxWait: 5_000 },
    );
  }

  private async run(): Promise<void> {
    while (this.running) {
      let sent = 0;
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
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

function groupByTopic(rows: OutboxRow[]) {
  const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
  for (const row of rows) {
    const messages = byTopic.get(row.topic) ?? [];
    messages.push({ key: row.message_key, value: JSON.stringify(row.payload), headers: row.headers });
    byTopic.set(row.topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
