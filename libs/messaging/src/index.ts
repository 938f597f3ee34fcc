export * from './sql-client';
export * from './outbox/outbox.writer';
export * from './outbox/outbox.relay';
export * from './inbox/inbox.processor';
export * from './kafka/kafka-connection';
export * from './kafka/kafka-consumer';
export * from './messaging.module';
