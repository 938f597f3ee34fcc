import { Logger } from '@nestjs/common';
import { allTopicNames, TOPIC_REGISTRY } from '@platform/contracts';
import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import { kafkaClient, kafkaErrorTypes, type KafkaSettings } from './kafka-client';

export interface KafkaConnectionOptions {
  /**
   * The topics `ensureTopics` makes sure of: a service's own (`topicsOfService` of libs/contracts), which its
   * ACLs let it describe and, where it produces or dead-letters, create. Default: the whole registry (tools and
   * tests, whose principal may create anything).
   */
  topics?: readonly string[];
}

/**
 * One kafkajs client per service: an idempotent producer (created lazily, recreated after a failure) and an
 * admin that creates the service's topics from the registry in libs/contracts.
 */
export class KafkaConnection {
  private readonly logger = new Logger('Kafka');
  readonly kafka: Kafka;
  private producerPromise?: Promise<Producer>;
  private topicsReady = false;
  private readonly created = new Set<Producer>();

  private readonly topics: readonly string[];

  constructor(
    private readonly settings: KafkaSettings,
    options: KafkaConnectionOptions = {},
  ) {
    this.topics = options.topics ?? allTopicNames();
    this.kafka = kafkaClient(settings, {
      connectionTimeout: 2_000,
      requestTimeout: 10_000,
      retry: { retries: 2, initialRetryTime: 200, maxRetryTime: 2_000 },
    });
  }

  /** The shared producer; after a failed connect the next call tries again. */
  producer = async (): Promise<Producer> => {
    await this.ensureTopics();
    this.producerPromise ??= this.connectProducer();
    try {
      return await this.producerPromise;
    } catch (error) {
      this.producerPromise = undefined;
      throw error;
    }
  };

  /**
   * Creates this service's missing topics (and dead-letter topics); idempotent. The broker's ACLs let a service
   * create only what it produces or dead-letters: a topic it consumes is its owner's to create (or tools/stack's),
   * so an authorization failure there is fine as long as the topic exists; a topic that is still missing fails
   * the start, named.
   */
  async ensureTopics(): Promise<void> {
    if (this.topicsReady) return;
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const partitions = new Map(TOPIC_REGISTRY.map((t) => [t.name as string, t.partitions]));
      const missing = this.topics.filter((t) => !existing.has(t));
      const created: string[] = [];
      const refused: string[] = [];
      for (const topic of missing) {
        try {
          await admin.createTopics({
            waitForLeaders: true,
            topics: [{ topic, numPartitions: partitions.get(topic) ?? 1, replicationFactor: 1 }],
          });
          created.push(topic);
        } catch (error) {
          if (!kafkaErrorTypes(error).includes('TOPIC_AUTHORIZATION_FAILED')) throw error;
          refused.push(topic);
        }
      }
      if (created.length) this.logger.log({ msg: 'created topics', topics: created });
      if (refused.length) {
        const now = new Set(await admin.listTopics());
        const absent = refused.filter((t) => !now.has(t));
        if (absent.length)
          throw new Error(
            `Kafka topics ${absent.join(', ')} do not exist and ${this.settings.sasl?.username ?? this.settings.clientId} may not create them (their owning service or tools/stack does)`,
          );
      }
      this.topicsReady = true;
    } finally {
      await admin.disconnect();
    }
  }

  /** Readiness: the cluster answers. */
  async ping(): Promise<void> {
    const admin = this.kafka.admin();
    // Disconnected also when connect fails: the relay pings while the broker may be away, and an admin left
    // half-connected would reconnect by itself once the broker is back, and outlive close().
    try {
      await admin.connect();
      await admin.describeCluster();
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    this.producerPromise = undefined;
    await Promise.all([...this.created].map((p) => p.disconnect().catch(() => undefined)));
    this.created.clear();
  }

  private async connectProducer(): Promise<Producer> {
    const producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    // Every producer ever made is closed on shutdown, also one whose connect failed during an outage:
    // kafkajs keeps its sockets and reconnects them when the broker returns.
    this.created.add(producer);
    await producer.connect();
    return producer;
  }
}
