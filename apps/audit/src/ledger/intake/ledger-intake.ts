import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { AuditRecorded } from '@platform/contracts';
import { KIT_CONFIG, type KitConfig } from '@platform/kit';
import { InboxProcessor, kafkaClient } from '@platform/messaging';
import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { LedgerBatchAppender, type MessageRun } from './batch-appender';

/**
 * Most events one transaction appends: a fetched batch (about 1 MB a partition, some 1 300 audit events) is
 * split into runs of this size, so a transaction stays short and a rebalance waits for at most one run.
 */
export const RUN_SIZE = 1000;

/**
 * The audit service's consumer of audit.events.v1 (docs/audit.md, consumption). Not the kit's per-message
 * inbox transport (`@OnEvent`): that commits one transaction and one offset per event (about 400 events/s);
 * this one takes what kafkajs fetched as a batch and appends it in runs (LedgerBatchAppender), with the same
 * consumer group, the same inbox table and the same dead-letter handling. Like the kit's transport it starts
 * a crashed consumer again itself and ends every socket on shutdown.
 */
@Injectable()
export class LedgerIntake implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger('LedgerIntake');
  private readonly kafka: Kafka;
  private consumer?: Consumer;
  private starting?: Promise<void>;
  private restartTimer?: NodeJS.Timeout;
  private closing = false;

  constructor(
    @Inject(KIT_CONFIG) private readonly config: KitConfig,
    private readonly appender: LedgerBatchAppender,
    private readonly inbox: InboxProcessor,
  ) {
    this.kafka = kafkaClient(
      { ...config.kafka, clientId: `${config.kafka.clientId}-consumer` },
      { connectionTimeout: 2_000 },
    );
  }

  /** Started with the app: a service that cannot reach Kafka does not start (as with the kit's transport). */
  async onApplicationBootstrap(): Promise<void> {
    this.starting = this.start();
    await this.starting;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    clearTimeout(this.restartTimer);
    // A run waiting for the database gives up uncommitted: it comes again after the restart.
    this.inbox.stop();
    await this.starting?.catch(() => undefined);
    await this.consumer?.disconnect().catch(() => undefined);
    this.consumer = undefined;
  }

  private async start(): Promise<void> {
    if (this.closing) return;
    const consumer = this.kafka.consumer({
      groupId: this.config.consumerGroup,
      allowAutoTopicCreation: false,
      sessionTimeout: 15_000,
      rebalanceTimeout: 20_000,
      retry: { retries: 5, restartOnFailure: async () => false },
    });
    this.consumer = consumer;
    consumer.on(consumer.events.CRASH, () => this.scheduleRestart(consumer));
    await consumer.connect();
    await consumer.subscribe({ topics: [AuditRecorded.topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.onBatch(consumer, payload),
    });
  }

  private scheduleRestart(crashed: Consumer): void {
    if (this.closing || crashed !== this.consumer) return;
    this.log.warn({ msg: 'audit consumer crashed; restarting', groupId: this.config.consumerGroup });
    this.restartTimer = setTimeout(() => {
      this.starting = crashed
        .disconnect()
        .catch(() => undefined)
        .then(() => this.start())
        .catch(() => this.scheduleRestart(this.consumer ?? crashed));
    }, 2_000);
  }

  private async onBatch(consumer: Consumer, payload: EachBatchPayload): Promise<void> {
    const { batch, heartbeat, resolveOffset, isRunning, isStale } = payload;
    const { topic, partition } = batch;
    for (let from = 0; from < batch.messages.length; from += RUN_SIZE) {
      // After a rebalance or on shutdown the rest of the batch is left uncommitted: it comes again.
      if (!isRunning() || isStale()) return;
      const run: MessageRun = {
        topic,
        partition,
        messages: batch.messages.slice(from, from + RUN_SIZE) as MessageRun['messages'],
        heartbeat,
        commit: async (offset) => {
          await consumer.commitOffsets([{ topic, partition, offset: (BigInt(offset) + 1n).toString() }]);
          resolveOffset(offset);
        },
      };
      await this.appender.append(run);
      await heartbeat();
    }
  }
}
