import { Logger } from '@nestjs/common';
import { Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import type { EventDefinition } from '@platform/contracts';
import type { Consumer, EachMessagePayload, Kafka } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import { InboxProcessor, type Delivery, type HandlerEntry } from '../inbox/inbox.processor';
import { kafkaClient, type KafkaSettings } from '../kafka/kafka-client';
import type { InboundEvent, OnEventExtras } from './on-event.decorator';

export interface InboxServerOptions {
  kafka: KafkaSettings;
  groupId: string;
  inbox: InboxProcessor;
  /** Wait before a consumer that crashed (broker gone) is started again. */
  restartDelayMs?: number;
}

/**
 * The Nest transport for the platform's events (`app.connectMicroservice({ strategy })`): one kafkajs consumer
 * group per service, subscribed to the topics of its `@OnEvent` handlers, every message run through the inbox
 * and its offset committed after the effect's transaction.
 *
 * It restarts a crashed consumer itself (kafkajs' own restart timer can fire after `disconnect()` and reopen a
 * broker socket), and `close()` ends the consumer and every socket it opened.
 */
export class InboxServer extends Server implements CustomTransportStrategy {
  override readonly propagatesEventHandlerErrors = true;
  private readonly kafka: Kafka;
  private readonly log = new Logger('InboxServer');
  private consumer?: Consumer;
  private starting?: Promise<void>;
  private restartTimer?: NodeJS.Timeout;
  private closing = false;
  private byTopic?: Map<string, HandlerEntry[]>;

  constructor(private readonly options: InboxServerOptions) {
    super();
    this.kafka = kafkaClient(
      { ...options.kafka, clientId: `${options.kafka.clientId}-consumer` },
      { connectionTimeout: 2_000 },
    );
  }

  listen(callback: (error?: unknown) => void): void {
    this.starting = this.start();
    this.starting.then(() => callback(), callback);
  }

  async close(): Promise<void> {
    this.closing = true;
    clearTimeout(this.restartTimer);
    this.options.inbox.stop();
    await this.starting?.catch(() => undefined);
    await this.consumer?.disconnect().catch(() => undefined);
    this.consumer = undefined;
  }

  /** The topics this service consumes: those of its `@OnEvent` handlers. */
  topics(): string[] {
    return [...new Set(this.entries().map((e) => e.definition.topic as string))];
  }

  on(): void {
    // Consumer events are handled inside (crash → restart); nothing for callers to subscribe to.
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  private async start(): Promise<void> {
    const topics = this.topics();
    if (topics.length === 0 || this.closing) return;
    const consumer = this.kafka.consumer({
      groupId: this.options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 15_000,
      rebalanceTimeout: 20_000,
      retry: { retries: 5, restartOnFailure: async () => false },
    });
    this.consumer = consumer;
    consumer.on(consumer.events.CRASH, () => this.scheduleRestart(consumer));
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({ autoCommit: false, eachMessage: (payload) => this.onMessage(consumer, payload) });
  }

  private scheduleRestart(crashed: Consumer): void {
    if (this.closing || crashed !== this.consumer) return;
    this.log.warn({ msg: 'event consumer crashed; restarting', groupId: this.options.groupId });
    this.restartTimer = setTimeout(() => {
      this.starting = crashed
        .disconnect()
        .catch(() => undefined)
        .then(() => this.start())
        .catch(() => this.scheduleRestart(this.consumer ?? crashed));
    }, this.options.restartDelayMs ?? 2_000);
  }

  private async onMessage(consumer: Consumer, payload: EachMessagePayload): Promise<void> {
    const { topic, partition, message, heartbeat } = payload;
    const delivery: Delivery = {
      topic,
      partition,
      message: message as Delivery['message'],
      heartbeat,
      commit: () =>
        consumer.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]),
    };
    await this.options.inbox.process(delivery, this.handlersOf(topic));
  }

  /** The handlers of one topic, collected once: the handlers are all registered before the consumer starts. */
  private handlersOf(topic: string): HandlerEntry[] {
    if (!this.byTopic) {
      this.byTopic = new Map();
      for (const entry of this.entries()) {
        const name = entry.definition.topic as string;
        this.byTopic.set(name, [...(this.byTopic.get(name) ?? []), entry]);
      }
    }
    return this.byTopic.get(topic) ?? [];
  }

  /** Each `@OnEvent` handler as an inbox entry that calls it through Nest (pipes, interceptors, filters). */
  private entries(): HandlerEntry[] {
    return [...this.messageHandlers.values()]
      .filter((handler) => (handler.extras as OnEventExtras | undefined)?.definition)
      .map((handler) => ({
        definition: (handler.extras as OnEventExtras).definition,
        apply: (tx, data, event) => this.invoke(handler, { tx, data: data as never, event }),
      }));
  }

  private async invoke(
    handler: MessageHandler,
    payload: InboundEvent<EventDefinition, unknown>,
  ): Promise<void> {
    const result: unknown = await handler(payload);
    await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
  }
}
