/**
 * How the edge of a service answers a domain error, without knowing its class:
 * - `validation`: an input is not acceptable (HTTP 400; `pointers` name the input),
 * - `conflict`: not possible in the current state of something (409),
 * - `not-found`: what the input refers to does not exist (404),
 * - `forbidden`: the caller's organisation or role may not do this (403),
 * - `invariant`: a rule of the code itself was broken, a bug (500; the message is logged, not shown).
 */
export type DomainErrorKind = 'validation' | 'conflict' | 'not-found' | 'forbidden' | 'invariant';

/**
 * Base of every error the domain raises on purpose. `code` is stable and machine-readable, so the HTTP edge
 * can map it to a problem type and clients can branch on it without parsing English messages.
 * Messages must never contain personal data (they end up in logs and problem details).
 * Extend one of the kinds below; a direct subclass is an `invariant` error (a bug, not the caller's fault).
 */
export abstract class DomainError extends Error {
  protected constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }

  get kind(): DomainErrorKind {
    return 'invariant';
  }
}

/** An input is not acceptable (ugyldigt input). */
export abstract class ValidationFailed extends DomainError {
  protected constructor(
    code: string,
    message: string,
    /**
     * JSON pointers of the inputs concerned, e.g. `/cpr`. Empty when the domain cannot know where the value
     * came from (a computed amount, a date passed down several calls); the edge then points at the request.
     */
    readonly pointers: readonly string[] = [],
  ) {
    super(code, message);
  }

  override get kind(): DomainErrorKind {
    return 'validation';
  }
}

/** Not possible in the current state of something (e.g. a referral's status). */
export abstract class StateConflict extends DomainError {
  protected constructor(
    code: string,
    message: string,
    /** Facts a client needs to recover, rendered as problem extension members (e.g. `currentStatus`, `allowed`). */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(code, message);
  }

  override get kind(): DomainErrorKind {
    return 'conflict';
  }
}

/** What the input refers to does not exist (or is not visible to the caller). */
export abstract class NotFoundError extends DomainError {
  override get kind(): DomainErrorKind {
    return 'not-found';
  }
}

/** The caller's kind of organisation or role may not do this. */
export abstract class ForbiddenError extends DomainError {
  override get kind(): DomainErrorKind {
    return 'forbidden';
  }
}

/** A calendar date argument was not a real `YYYY-MM-DD` date. */
export class InvalidDateError extends ValidationFailed {
  constructor(what = 'date') {
    super('INVALID_DATE', `${what} must be a real calendar date YYYY-MM-DD`);
  }
}
