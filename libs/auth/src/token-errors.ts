/** The token itself is not acceptable (signature, claims, shape): the caller gets 401. */
export class InvalidTokenError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidTokenError';
  }
}

/**
 * The token cannot be judged because the identity provider's signing keys cannot be fetched and no cached key
 * fits it: the caller gets 503 with `Retry-After`. The message is for responses and says nothing about where
 * the keys live; the cause is logged where the fetch failed.
 */
export class KeysUnavailableError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('the identity provider cannot be reached to verify tokens; try again later');
    this.name = 'KeysUnavailableError';
  }
}
