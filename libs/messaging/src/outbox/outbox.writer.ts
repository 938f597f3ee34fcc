import {
  CORRELATION_EXTENSION,
  createCloudEvent,
  isCorrelationId,
  EventSchemaError,
  toKafkaMessage,
  type EventData,
  type EventDefinition,
} from '@platform/contracts';
import { randomUUID } from 'node:crypto';
import { currentCorrelationId } from '../correlation/correlation-context';
import type { SqlTransaction } from '../sql-client';

export interface OutboxEntry<D extends EventDefinition> {
  /** The aggregate id: CloudEvents subject and Kafka key. */
  subject: string;
  data: EventData<D>;
  /** CloudEvents extension attributes, e.g. `actor`. Never a token, never personal data. */
  extensions?: Record<string, string>;
  /**
   * The case the event belongs to, when it is not the current one (withCorrelation): e.g. a read of a referral,
   * audited under the referral's own id. Default: the current correlation id, else the event's own id.
   */
  correlationId?: string | null;
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
    const id = randomUUID();
    const correlationId = correlationOf(entry, id);
    const event = createCloudEvent({
      id,
      source: this.source,
      type: definition.type,
      subject: entry.subject,
      data: checked.data,
      extensions: { ...entry.extensions, [CORRELATION_EXTENSION]: correlationId },
    });
    const message = toKafkaMessage(event);
    const row: OutboxRow = [
      event.id,
      definition.topic,
      message.key,
      event.type,
      JSON.stringify(message.headers),
      message.value,
      event.time,
      correlationId,
    ];
    await this.write(tx, row);
    return event.id;
  }

  /**
   * In a pg transaction the rows wait for COMMIT and go as one multi-row INSERT (VALUES order is `seq` order, so
   * one key's events keep theirs); elsewhere each is inserted at once.
   */
  private async write(tx: SqlTransaction, row: OutboxRow): Promise<void> {
    if (!tx.defer)
      return void (await tx.$executeRaw`
      INSERT INTO outbox (id, topic, message_key, event_type, headers, payload, created_at, correlation_id)
      VALUES (${row[0]}::uuid, ${row[1]}, ${row[2]}, ${row[3]}, ${row[4]}::jsonb, ${row[5]}::jsonb, ${row[6]}::timestamptz, ${row[7]})`);
    const rows = pending.get(tx);
    if (rows) return void rows.push(row);
    const batch = [row];
    pending.set(tx, batch);
    await tx.defer(() => insertRows(batch));
  }
}

/** id, topic, key, type, headers (JSON text), payload (JSON text), time (ISO), correlation id. */
type OutboxRow = [string, string, string, string, string, string, string, string];

/** The entry's own id if it names one, else the id of the work in progress, else the event starts a chain. */
function correlationOf(entry: { correlationId?: string | null }, eventId: string): string {
  if (isCorrelationId(entry.correlationId)) return entry.correlationId;
  return currentCorrelationId() ?? eventId;
}

const pending = new WeakMap<SqlTransaction, OutboxRow[]>();

function insertRows(rows: OutboxRow[]): { text: string; values: unknown[] } {
  const tuples = rows.map((_, r) => {
    const p = (c: number) => `$${r * 8 + c}`;
    return `(${p(1)}::uuid, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}::jsonb, ${p(6)}::jsonb, ${p(7)}::timestamptz, ${p(8)})`;
  });
  return {
    text: `INSERT INTO outbox (id, topic, message_key, event_type, headers, payload, created_at, correlation_id) VALUES ${tuples.join(', ')}`,
    values: rows.flat(),
  };
}
