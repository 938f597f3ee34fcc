/**
 * Errors that say the broker (or the way to it) is away, not that it refused a message. kafkajs wraps the
 * error of the last try in KafkaJSNumberOfRetriesExceeded / KafkaJSNonRetriableError (`cause`), so the chain
 * is searched. Anything not listed is asked of the broker itself (RelayOptions.brokerAnswers).
 */
const UNAVAILABLE_NAMES = new Set([
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSBrokerNotFound',
  'KafkaJSLockTimeout',
  'KafkaJSMetadataNotLoaded',
  'KafkaJSTimeout',
]);
/** Protocol error types of a cluster that is electing leaders or short of replicas: it will pass. */
const UNAVAILABLE_TYPES = new Set([
  'LEADER_NOT_AVAILABLE',
  'NOT_LEADER_FOR_PARTITION',
  'NETWORK_EXCEPTION',
  'REQUEST_TIMED_OUT',
  'NOT_ENOUGH_REPLICAS',
  'NOT_ENOUGH_REPLICAS_AFTER_APPEND',
  'COORDINATOR_NOT_AVAILABLE',
  'BROKER_NOT_AVAILABLE',
]);

export function isBrokerUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const type = (current as { type?: unknown }).type;
    if (UNAVAILABLE_NAMES.has(current.name) || (typeof type === 'string' && UNAVAILABLE_TYPES.has(type))) {
      return true;
    }
    current = current.cause;
  }
  return false;
}
