import { Kafka, logLevel, type KafkaConfig, type SASLOptions } from 'kafkajs';

/** SASL/SCRAM credentials of a Kafka principal (the broker's ACLs are written for `User:<username>`). */
export interface KafkaSasl {
  mechanism: 'scram-sha-256' | 'scram-sha-512';
  username: string;
  password: string;
}

/** Where the broker is and who connects: every kafkajs client of the platform is built from these. */
export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  /** Without it the client connects unauthenticated, which the platform's brokers refuse. */
  sasl?: KafkaSasl;
  /** TLS to the broker (production): `true` trusts the system's CAs, `{ ca }` a PEM bundle of its own. */
  ssl?: boolean | { ca?: string };
}

/** kafkajs' own options that a caller may still set (timeouts, retry); never the connection's identity. */
export type KafkaClientOptions = Omit<KafkaConfig, 'brokers' | 'clientId' | 'sasl' | 'ssl'>;

/**
 * The one place that builds a kafkajs client: brokers, client id, SASL and TLS from the settings, quiet logging
 * unless asked otherwise. KafkaConnection, InboxServer, the test helpers and the tools all come through here, so
 * none of them can forget the credentials.
 */
export function kafkaClient(settings: KafkaSettings, options: KafkaClientOptions = {}): Kafka {
  const sasl: SASLOptions | undefined = settings.sasl && {
    mechanism: settings.sasl.mechanism,
    username: settings.sasl.username,
    password: settings.sasl.password,
  };
  const ssl =
    typeof settings.ssl === 'object' ? { ca: settings.ssl.ca ? [settings.ssl.ca] : undefined } : settings.ssl;
  return new Kafka({
    logLevel: logLevel.NOTHING,
    ...options,
    clientId: settings.clientId,
    brokers: settings.brokers,
    ...(sasl ? { sasl } : {}),
    ...(ssl ? { ssl } : {}),
  });
}

/**
 * The Kafka error codes (`TOPIC_AUTHORIZATION_FAILED`, …) in a kafkajs error, also where kafkajs wraps them
 * (an aggregate of per-topic errors, a non-retriable error around its cause).
 */
export function kafkaErrorTypes(error: unknown, depth = 0): string[] {
  if (!error || typeof error !== 'object' || depth > 5) return [];
  const e = error as { type?: unknown; errors?: unknown; cause?: unknown; originalError?: unknown };
  return [
    ...(typeof e.type === 'string' ? [e.type] : []),
    ...(Array.isArray(e.errors) ? e.errors.flatMap((inner) => kafkaErrorTypes(inner, depth + 1)) : []),
    ...kafkaErrorTypes(e.cause, depth + 1),
    ...kafkaErrorTypes(e.originalError, depth + 1),
  ];
}
