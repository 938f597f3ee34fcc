import { Logger } from '@nestjs/common';
import { allTopicNames, TOPIC_REGISTRY } from '@platform/contracts';
import { Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';

export interface KafkaSettings {
  brokers: string[];
  clientId: string;
}

/**
 * One kafkajs client per service: an idempotent producer (created lazily, recreated after a failure) and an
 * admin that creates the platform's topics from the registry in libs/contracts.
 */
export class KafkaConnection {
  private readonly logger = new Logger('Kafka');
  readonly kafka: Kafka;
  private producerPromise?: Promise<Producer>;
  private topicsReady = false;
  private readonly created = new Set<Producer>();

  constructor(private readonly settings: KafkaSettings) {
    this.kafka = new Kafka({
      clientId: settings.clientId,
      brokers: settings.brokers,
      connectionTimeout: 2_000,
      requestTimeout: 10_000,
      retry: { retries: 2, initialRetryTime: 200, maxRetryTime: 2_000 },
      logLevel: logLevel.NOTHING,
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

  /** Creates missing topics (and their dead-letter topics); idempotent. */
  async ensureTopics(): Promise<void> {
    if (this.topicsReady) return;
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const partitions = new Map(TOPIC_REGISTRY.map((t) => [t.name as string, t.partitions]));
      const missing = allTopicNames().filter((t) => !existing.has(t));
      if (missing.length) {
        await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((topic) => ({
            topic,
            numPartitions: partitions.get(topic) ?? 1,
            replicationFactor: 1,
          })),
        });
        this.logger.log({ msg: 'created topics', topics: missing });
      }
      this.topicsReady = true;
    } finally {
      await admin.disconnect();
    }
  }

  /** Readiness: the cluster answers. */
  async ping(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await admin.describeCluster();
    } finally {
      await admin.disconnect();
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
