import type { CloudEvent } from './cloud-event';

/**
 * The CloudEvents extension attribute that names the case an event belongs to: one id from the first request
 * of a citizen's case (the referral's creation) through the advice case, the placement, the cost lines and the
 * audit rows, so `tools/trace <id>` can follow it across every service (docs/events.md). CloudEvents extension
 * names are lowercase letters and digits only; on Kafka it is the header `ce_correlationid`.
 */
export const CORRELATION_EXTENSION = 'correlationid';

/** The Kafka header the binary binding writes for it (`ce_` + the attribute name). */
export const CORRELATION_HEADER = `ce_${CORRELATION_EXTENSION}`;

/**
 * What a correlation id may look like: what the platform accepts as an `X-Request-Id` (libs/http), since a
 * case's correlation id is the request id of the request that opened it. Letters, digits, `.`, `_`, `-`; at
 * most 100: safe in a header, a log line and a SQL column, and too short and plain to smuggle personal data.
 */
export const CORRELATION_ID_PATTERN = /^[A-Za-z0-9._-]{1,100}$/;

export function isCorrelationId(value: unknown): value is string {
  return typeof value === 'string' && CORRELATION_ID_PATTERN.test(value);
}

/** The event's correlation id, when it carries a well-formed one (events older than the extension do not). */
export function correlationIdOf(event: Pick<CloudEvent, 'extensions'>): string | undefined {
  const value = event.extensions?.[CORRELATION_EXTENSION];
  return isCorrelationId(value) ? value : undefined;
}
