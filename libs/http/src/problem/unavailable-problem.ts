import { isDatabaseUnavailable } from '@platform/messaging';
import { PROBLEM_TYPES, ProblemException } from './problem';

/** Seconds a client should wait before trying again while the database is away (restarts take seconds). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * A database that cannot be reached is the platform's problem, not the caller's and not a bug: 503 with
 * Retry-After tells an integrating system to try the same request again later, where a 500 would read as
 * "this request is broken". Built into the ProblemFilter so every service answers it the same way. The
 * body names no host, port or driver message.
 */
export function unavailableProblem(error: unknown): ProblemException | undefined {
  if (!isDatabaseUnavailable(error)) return undefined;
  return new ProblemException(
    {
      type: PROBLEM_TYPES.unavailable,
      title: 'Service unavailable',
      status: 503,
      detail: 'the service cannot reach its database; try again later',
    },
    { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) },
  );
}
