import type { CloudEvent } from './cloud-event';

/** A message as kafkajs sends it. */
export interface KafkaOutboundMessage {
  key: string;
  value: string;
  headers: Record<string, string>;
}

/** A message as kafkajs delivers it (header values arrive as Buffers). */
export interface KafkaInboundMessage {
  key?: Buffer | string | null;
  value: Buffer | string | null;
  headers?: Record<string, Buffer | string | (Buffer | string)[] | undefined>;
}

const CE = 'ce_';
const REQUIRED = ['specversion', 'id', 'source', 'type'] as const;
const KNOWN = new Set(['specversion', 'id', 'source', 'type', 'subject', 'time', 'dataschema']);

export class InvalidCloudEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidCloudEventError';
  }
}

/** CloudEvents Kafka protocol binding, binary content mode. */
export function toKafkaMessage(event: CloudEvent): KafkaOutboundMessage {
  const headers: Record<string, string> = {
    ce_specversion: event.specversion,
    ce_id: event.id,
    ce_source: event.source,
    ce_type: event.type,
    ce_subject: event.subject,
    ce_time: event.time,
    'content-type': event.datacontenttype,
  };
  if (event.dataschema) headers.ce_dataschema = event.dataschema;
  for (const [name, value] of Object.entries(event.extensions ?? {})) headers[CE + name] = value;
  return { key: event.subject, value: JSON.stringify(event.data), headers };
}

export function decodeHeaders(headers: KafkaInboundMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers ?? {})) {
    const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    if (value !== undefined) out[name] = value.toString();
  }
  return out;
}

/** Reads a binary-mode CloudEvent; throws InvalidCloudEventError when it is not one. */
export function fromKafkaMessage(message: KafkaInboundMessage): CloudEvent {
  const headers = decodeHeaders(message.headers);
  for (const attribute of REQUIRED) {
    if (!headers[CE + attribute]) throw new InvalidCloudEventError(`missing header ${CE}${attribute}`);
  }
  if (headers.ce_specversion !== '1.0') throw new InvalidCloudEventError('ce_specversion must be 1.0');
  const extensions: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.startsWith(CE) && !KNOWN.has(name.slice(CE.length))) extensions[name.slice(CE.length)] = value;
  }
  return {
    specversion: '1.0',
    id: headers.ce_id,
    source: headers.ce_source,
    type: headers.ce_type,
    subject: headers.ce_subject ?? message.key?.toString() ?? '',
    time: headers.ce_time ?? '',
    datacontenttype: 'application/json',
    ...(headers.ce_dataschema ? { dataschema: headers.ce_dataschema } : {}),
    data: parseJson(message.value),
    ...(Object.keys(extensions).length ? { extensions } : {}),
  };
}

function parseJson(value: KafkaInboundMessage['value']): unknown {
  if (value === null || value === undefined) throw new InvalidCloudEventError('message has no value');
  try {
    return JSON.parse(value.toString());
  } catch {
    throw new InvalidCloudEventError('value is not JSON');
  }
}
