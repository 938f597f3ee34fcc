import { isCorrelationId } from '@platform/contracts';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * The correlation id of the work in progress (CloudEvents extension `correlationid`, docs/events.md): set by
 * the HTTP request context (libs/http) for a request, by the inbox for a consumed event, and by the command
 * runner (libs/kit) for a command on a resource that keeps its case's id. The outbox writer reads it for every
 * row it writes, events and audit rows alike, so no service passes it along by hand.
 */
const current = new AsyncLocalStorage<string>();

/** Runs fn, and everything it awaits, in correlation id `id` (a malformed id starts a fresh one instead). */
export function withCorrelation<R>(id: string | null | undefined, fn: () => R): R {
  return current.run(isCorrelationId(id) ? id : randomUUID(), fn);
}

/** The correlation id fn runs in, or undefined outside any (a start-up task, a test without context). */
export function currentCorrelationId(): string | undefined {
  return current.getStore();
}

/** The current correlation id, or a new one for work that starts a case of its own (no request, no event). */
export function correlationIdOrNew(): string {
  return current.getStore() ?? randomUUID();
}
