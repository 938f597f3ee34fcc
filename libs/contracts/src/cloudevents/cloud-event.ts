import { randomUUID } from 'node:crypto';

/**
 * A CloudEvents 1.0 event (https://github.com/cloudevents/spec). On Kafka it travels in binary mode:
 * the value is `data` as JSON, every other attribute is a `ce_<name>` header (see kafka-binding.ts).
 */
export interface CloudEvent<T = unknown> {
  specversion: '1.0';
  /** Unique per event; consumers deduplicate on it (the outbox row id). */
  id: string;
  /** The producing service, e.g. `/services/referrals`. */
  source: string;
  /** e.g. `dk.social.referral.created.v1`. */
  type: string;
  /** The aggregate id; also the Kafka key, so one aggregate's events stay in order. */
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  dataschema?: string;
  data: T;
  /** Extension attributes, e.g. `actor` (who caused it, never a raw token) or `traceparent`. */
  extensions?: Record<string, string>;
}

export interface NewCloudEvent<T> {
  source: string;
  type: string;
  subject: string;
  data: T;
  id?: string;
  time?: Date;
  dataschema?: string;
  extensions?: Record<string, string>;
}

export function createCloudEvent<T>(input: NewCloudEvent<T>): CloudEvent<T> {
  return {
    specversion: '1.0',
    id: input.id ?? randomUUID(),
    source: input.source,
    type: input.type,
    subject: input.subject,
    time: (input.time ?? new Date()).toISOString(),
    datacontenttype: 'application/json',
    ...(input.dataschema ? { dataschema: input.dataschema } : {}),
    data: input.data,
    ...(input.extensions ? { extensions: input.extensions } : {}),
  };
}
