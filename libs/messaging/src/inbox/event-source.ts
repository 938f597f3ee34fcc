import { TOPIC_REGISTRY, type CloudEvent } from '@platform/contracts';

/** The event's `source` is not a service that may write its topic: a forgery or a misrouted producer. */
export class ForeignSourceError extends Error {
  constructor(topic: string, source: string) {
    super(`topic ${topic} takes events from its producers only, not from ${source}`);
    this.name = 'ForeignSourceError';
  }
}

/** `/services/<owner>`: the CloudEvents source every service writes into its events (libs/kit). */
export function serviceSource(service: string): string {
  return `/services/${service}`;
}

const PRODUCER_SOURCES = new Map(
  TOPIC_REGISTRY.map((t) => [t.name as string, new Set(t.producers.map(serviceSource))]),
);

/**
 * Each topic names the services that may write it (the registry in libs/contracts: its owner, and every service
 * for the audit trail); an event on it from any other source is refused. Broker ACLs keep other services from
 * writing the topic at all; this check keeps a consumer safe where they are missing. Topics outside the registry
 * (tests' own) are not checked.
 */
export function checkSource(topic: string, event: CloudEvent): void {
  const allowed = PRODUCER_SOURCES.get(topic);
  if (allowed !== undefined && !allowed.has(event.source)) throw new ForeignSourceError(topic, event.source);
}
