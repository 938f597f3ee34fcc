import { TOPIC_REGISTRY, type CloudEvent } from '@platform/contracts';

/** The event's `source` is not the service that owns its topic: a forgery or a misrouted producer. */
export class ForeignSourceError extends Error {
  constructor(topic: string, source: string) {
    super(`topic ${topic} takes events from its owner only, not from ${source}`);
    this.name = 'ForeignSourceError';
  }
}

/** `/services/<owner>`: the CloudEvents source every service writes into its events (libs/kit). */
export function serviceSource(service: string): string {
  return `/services/${service}`;
}

const OWNER_SOURCE = new Map(TOPIC_REGISTRY.map((t) => [t.name as string, serviceSource(t.owner)]));

/**
 * Each topic has one producing service (the registry in libs/contracts); an event on it from any other source
 * is refused. Broker ACLs keep other services from writing the topic at all; this check keeps a consumer
 * safe where they are missing. Topics outside the registry (tests' own) are not checked.
 */
export function checkSource(topic: string, event: CloudEvent): void {
  const expected = OWNER_SOURCE.get(topic);
  if (expected !== undefined && event.source !== expected) throw new ForeignSourceError(topic, event.source);
}
