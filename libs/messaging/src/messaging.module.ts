import {
  Injectable,
  type BeforeApplicationShutdown,
  Module,
  type DynamicModule,
  type ModuleMetadata,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type Type,
} from '@nestjs/common';
import { InboxProcessor } from './inbox/inbox.processor';
import type { KafkaSettings } from './kafka/kafka-client';
import { KafkaConnection } from './kafka/kafka-connection';
import { OutboxRelay } from './outbox/outbox.relay';
import { OutboxWriter } from './outbox/outbox.writer';
import type { SqlDatabase } from './sql-client';

export interface MessagingOptions {
  /** CloudEvents `source`, e.g. `/services/referrals`. */
  source: string;
  kafka: KafkaSettings;
  /** The topics the service creates when missing at start-up (`topicsOfService`); default the whole registry. */
  topics?: readonly string[];
  consumerGroup: string;
  /** The service's Prisma client class (must be provided by `imports`). */
  database: Type<SqlDatabase>;
  imports?: ModuleMetadata['imports'];
  relay?: { batchSize?: number; pollIntervalMs?: number; maxBackoffMs?: number; maxAttempts?: number };
  inbox?: { maxAttempts?: number; retryDelayMs?: number; maxBackoffMs?: number };
}

/**
 * Starts the relay when the app is up. On shutdown the relay stops first (before the database and the
 * producer close: a relay batch in flight would otherwise reopen a connection), then the producer.
 */
@Injectable()
class MessagingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    private readonly relay: OutboxRelay,
    private readonly kafka: KafkaConnection,
  ) {}

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.kafka.close();
  }
}

@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        {
          provide: KafkaConnection,
          useFactory: () => new KafkaConnection(options.kafka, { topics: options.topics }),
        },
        { provide: OutboxWriter, useFactory: () => new OutboxWriter(options.source) },
        {
          provide: OutboxRelay,
          inject: [options.database, KafkaConnection],
          useFactory: (db: SqlDatabase, kafka: KafkaConnection) =>
            new OutboxRelay(db, kafka.producer, {
              batchSize: options.relay?.batchSize ?? 200,
              pollIntervalMs: options.relay?.pollIntervalMs ?? 500,
              maxBackoffMs: options.relay?.maxBackoffMs ?? 5_000,
              maxAttempts: options.relay?.maxAttempts ?? 5,
              brokerAnswers: () =>
                kafka.ping().then(
                  () => true,
                  () => false,
                ),
            }),
        },
        {
          provide: InboxProcessor,
          inject: [options.database, KafkaConnection, OutboxRelay],
          useFactory: (db: SqlDatabase, kafka: KafkaConnection, relay: OutboxRelay) =>
            new InboxProcessor(db, kafka.producer, {
              consumer: options.consumerGroup,
              maxAttempts: options.inbox?.maxAttempts ?? 5,
              retryDelayMs: options.inbox?.retryDelayMs ?? 200,
              maxBackoffMs: options.inbox?.maxBackoffMs ?? 10_000,
              onApplied: () => relay.nudge(),
            }),
        },
        MessagingLifecycle,
      ],
      exports: [KafkaConnection, OutboxWriter, OutboxRelay, InboxProcessor],
    };
  }
}
