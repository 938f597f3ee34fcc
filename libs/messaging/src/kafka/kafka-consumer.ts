import { Transport, type KafkaContext, type MicroserviceOptions } from '@nestjs/microservices';
import type { Delivery } from '../inbox/inbox.processor';
import type { KafkaSettings } from './kafka-connection';

/**
 * Options for `app.connectMicroservice()`: the Nest Kafka transport with manual offset commits (the inbox
 * commits after its transaction), raw message values (we decode CloudEvents ourselves) and our own group id
 * without Nest's `-server` suffix.
 */
export function kafkaConsumerOptions(settings: KafkaSettings, groupId: string): MicroserviceOptions {
  return {
    transport: Transport.KAFKA,
    options: {
      client: { clientId: `${settings.clientId}-consumer`, brokers: settings.brokers, logLevel: 0 },
      consumer: { groupId, allowAutoTopicCreation: false, sessionTimeout: 15_000, rebalanceTimeout: 20_000 },
      subscribe: { fromBeginning: true },
      run: { autoCommit: false },
      parser: { keepBinary: true },
      postfixId: '',
    },
  } as MicroserviceOptions;
}

/** Adapts the Nest Kafka context to the transport-neutral Delivery of the inbox. */
export function deliveryFrom(context: KafkaContext): Delivery {
  const message = context.getMessage() as unknown as Delivery['message'];
  const topic = context.getTopic();
  const partition = context.getPartition();
  return {
    topic,
    partition,
    message,
    commit: () =>
      context
        .getConsumer()
        .commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]),
  };
}
