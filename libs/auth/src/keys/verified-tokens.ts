import type { Principal } from '../principal';

interface Verified {
  principal: Principal;
  /** `exp` of the token, in seconds. */
  exp: number;
  kid: string;
}

/** Enough for every client of a busy service; the oldest entry goes first when full. */
const MAX_ENTRIES = 10_000;

/**
 * Tokens whose signature and claims were checked, until they expire. Keyed by the whole token, so only the
 * very same bytes are recognised; nothing is kept past `exp`.
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, Verified>();

  get(token: string): Verified | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.exp * 1000 <= Date.now()) {
      this.entries.delete(token);
      return undefined;
    }
    return entry;
  }

  set(token: string, entry: Verified): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, entry);
  }
}
