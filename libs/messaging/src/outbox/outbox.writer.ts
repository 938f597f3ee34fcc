import {
  createCloudEvent,
  EventSchemaError,
  toKafkaMessage,
  type EventData,
  type EventDefinition,
} from '@platform/contracts';
import type { SqlTransaction } from '../sql-client';

export interface OutboxEntry<D extends EventDefinition> {
  /** The aggregate id: CloudEvents subject and Kafka key. */
  subject: string;
  data: EventData<D>;
  /** CloudEvents extension attributes, e.g. `actor`. Never a token, never personal data. */
  extensions?: Record<string, string>;
}

/**
 * Writes an event into the `outbox` table inside the caller's transaction, so the event exists if and only if
 * the state change committed. The data is validated against the contract first: a producer bug fails the
 * transaction instead of publishing a bad event.
 */
export class OutboxWriter {
  /** CloudEvents `source` of this service's events, e.g. `/services/referrals`. */
  constructor(readonly source: string) {}

  async append<D extends EventDefinition>(
    tx: SqlTransaction,
    definition: D,
    entry: OutboxEntry<D>,
  ): Promise<string> {
    const checked = definition.schema.safeParse(entry.data);
    if (!checked.success) {
      throw new EventSchemaError(
        definition.type,
        checked.error.issues.map((i) => `${i.path.join('.')}: ${i.code}`),
      );
    }
    const event = createCloudEvent({
      source: this.source,
      type: definition.type,
      subject: entry.subject,
      data: checked.data,
      extensions: entry.extensions,
    });
    const message = toKafkaMessage(event);
    await tx.$executeRaw`
      INSERT INTO outbox (id, topic, message_key, event_type, headers, payload, created_at)
      VALUES (${event.id}::uuid, ${definition.topic}, ${message.key}, ${event.type},
              ${JSON.stringify(message.headers)}::jsonb, ${message.value}::jsonb, ${new Date(event.time)})`;
    return event.id;
  }
}
