import {
  AuditRecorded,
  CORRELATION_HEADER,
  decodeHeaders,
  type KafkaInboundMessage,
} from '@platform/contracts';

/** One event of a case, as tools/trace prints it: never the data as such, only what names things. */
export interface TraceLine {
  /** The event's own time (ce_time), else the broker's timestamp of the message. */
  time: string;
  /** The producing service, from ce_source (`/services/referrals` → `referrals`). */
  service: string;
  type: string;
  subject: string;
  topic: string;
  /** `name=value` pairs: the ids the data holds, and for an audit row what was done, by which request. */
  facts: string[];
}

/** A message as read from a topic, with where it was. */
export interface ReadMessage {
  topic: string;
  partition: number;
  message: KafkaInboundMessage & { offset: string; timestamp: string };
}

/**
 * The message as a line of the case's trace when it carries the correlation id, else null. Reads headers only
 * until it matches, so the messages of other cases cost no JSON parse.
 */
export function traceLineOf(read: ReadMessage, correlationId: string): TraceLine | null {
  const headers = decodeHeaders(read.message.headers);
  if (headers[CORRELATION_HEADER] !== correlationId) return null;
  const type = headers.ce_type ?? '?';
  return {
    time: headers.ce_time || new Date(Number(read.message.timestamp)).toISOString(),
    service: (headers.ce_source ?? '?').replace(/^\/services\//, ''),
    type,
    subject: headers.ce_subject ?? read.message.key?.toString() ?? '',
    topic: read.topic,
    facts: factsOf(type, read.message.value),
  };
}

/**
 * What names things in the data: every top-level `…Id` and the municipality code, or for an audit row the
 * action, resource, outcome and request id. Nothing else: a pseudonym, an amount or free text stays out of a
 * terminal (there is no CPR number on Kafka to begin with).
 */
export function factsOf(type: string, value: KafkaInboundMessage['value']): string[] {
  let data: unknown;
  try {
    data = JSON.parse(value?.toString() ?? 'null');
  } catch {
    return ['(value is not JSON)'];
  }
  if (!data || typeof data !== 'object') return [];
  const record = data as Record<string, unknown>;
  if (type === AuditRecorded.type) return auditFacts(record);
  return Object.entries(record)
    .filter(([name, v]) => (name.endsWith('Id') || name === 'municipalityCode') && typeof v === 'string')
    .map(([name, v]) => `${name}=${String(v)}`);
}

function auditFacts(data: Record<string, unknown>): string[] {
  const resource = data.resource as { type?: string; id?: string } | undefined;
  const facts = [
    ['action', data.action],
    ['resource', resource ? [resource.type, resource.id].filter(Boolean).join(':') : undefined],
    ['outcome', data.outcome],
    ['requestId', data.requestId],
  ];
  return facts.filter(([, v]) => typeof v === 'string' && v).map(([name, v]) => `${name}=${String(v)}`);
}

/** In time order; events of one instant in topic order, so the output is stable. */
export function inTimeOrder(lines: TraceLine[]): TraceLine[] {
  return [...lines].sort((a, b) => a.time.localeCompare(b.time) || a.topic.localeCompare(b.topic));
}

/** One line per event: time, service, type, subject, then its facts; a parked message is marked. */
export function formatLine(line: TraceLine): string {
  const parked = line.topic.endsWith('.dlq') ? ` [parked on ${line.topic}]` : '';
  return [line.time, line.service.padEnd(18), line.type.padEnd(48), `subject=${line.subject}`, ...line.facts]
    .join('  ')
    .concat(parked);
}
