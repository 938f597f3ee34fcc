/**
 * Base of every error the domain raises on purpose. `code` is stable and machine-readable, so the HTTP edge
 * can map it to a problem type and clients can branch on it without parsing English messages.
 * Messages must never contain personal data (they end up in logs and problem details).
 */
export abstract class DomainError extends Error {
  protected constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A calendar date argument was not a real `YYYY-MM-DD` date. */
export class InvalidDateError extends DomainError {
  constructor(what = 'date') {
    super('INVALID_DATE', `${what} must be a real calendar date YYYY-MM-DD`);
  }
}
