import { kafkaClient, type KafkaClientOptions } from '@platform/messaging';
import type { Kafka } from 'kafkajs';
import { stackSettings } from './settings';

/**
 * A kafkajs client of the local stack's broker as the test principal `platform-tests` (SASL/SCRAM), for tests,
 * the demo seed and the benchmarks. Services never use it: they sign in as themselves (libs/kit).
 */
export function testKafka(clientId: string, options: KafkaClientOptions = {}): Kafka {
  return kafkaClient(stackSettings().kafka(clientId), options);
}
