import { Logger } from '@nestjs/common';
import { importJWK, type CryptoKey, type JWK } from 'jose';
import { InvalidTokenError, KeysUnavailableError } from '../token-errors';

export interface SigningKeysOptions {
  /** The realm's JWKS endpoint. */
  url: string;
  /** Accepted signature algorithms; a published key with another `alg` is ignored. */
  algorithms: readonly string[];
  /** A fetch (connect + answer + body) that takes longer counts as failed. */
  timeoutMs: number;
  /** At most one fetch per cooldown, whatever triggers it (unknown kid, stale keys, readiness). */
  cooldownMs: number;
  /** Keys fetched longer ago are refetched before use, so a key removed from the realm stops being trusted. */
  maxAgeMs: number;
}

interface CachedKey {
  alg: string;
  /** The JWK's public material, to reuse the imported key when a refetch publishes the same key. */
  material: string;
  key: CryptoKey;
}

/**
 * The realm's signing keys, imported once per key id (the imported CryptoKey is what every verification uses,
 * so nothing is converted per request). Keys are refetched when they are older than maxAge or a token names an
 * unknown kid, never more than once per cooldown; a key missing from a successful refetch is dropped. A failed
 * fetch (down, timeout, non-2xx, not a JWKS) keeps the cached keys, so a Keycloak outage does not stop tokens
 * signed by known keys; only a token no cached key fits is refused as unavailable.
 */
export class SigningKeys {
  private readonly logger = new Logger('SigningKeys');
  private keys = new Map<string, CachedKey>();
  private fetchedAt?: number;
  private attemptedAt?: number;
  private lastFetchFailed = false;
  private inflight?: Promise<void>;

  constructor(private readonly options: SigningKeysOptions) {}

  /** The key for a token header; throws InvalidTokenError or KeysUnavailableError. */
  async keyFor(kid: unknown, alg: string): Promise<CryptoKey> {
    if (typeof kid !== 'string' || !kid) throw new InvalidTokenError('token header lacks a key id');
    if (this.isStale()) await this.refreshUnlessCoolingDown();
    let entry = this.keys.get(kid);
    if (!entry && (await this.refreshUnlessCoolingDown())) entry = this.keys.get(kid);
    if (!entry) {
      if (this.lastFetchFailed) throw new KeysUnavailableError(this.retryAfterSeconds());
      throw new InvalidTokenError('token is signed by an unknown key');
    }
    if (entry.alg !== alg) throw new InvalidTokenError('token algorithm does not match its key');
    return entry.key;
  }

  /**
   * Whether a key id is still among the realm's keys, refreshing first when the keys are due (as keyFor does):
   * how a token verified earlier with that key stays trusted exactly as long as the key does.
   */
  async stillTrusts(kid: string): Promise<boolean> {
    if (this.isStale()) await this.refreshUnlessCoolingDown();
    return this.keys.has(kid);
  }

  /** Resolves when keys are cached (fetching them if none are); for readiness. */
  async ensureAvailable(): Promise<void> {
    if (this.keys.size === 0) await this.refreshUnlessCoolingDown();
    if (this.keys.size === 0) {
      throw new Error(
        this.lastFetchFailed ? 'signing keys cannot be fetched' : 'the realm publishes no usable signing key',
      );
    }
  }

  private isStale(): boolean {
    return this.fetchedAt === undefined || Date.now() - this.fetchedAt >= this.options.maxAgeMs;
  }

  /** Fetches unless one ran within the cooldown; concurrent callers share one fetch. True when a fetch ran. */
  private async refreshUnlessCoolingDown(): Promise<boolean> {
    if (!this.inflight) {
      if (this.attemptedAt !== undefined && Date.now() - this.attemptedAt < this.options.cooldownMs)
        return false;
      this.attemptedAt = Date.now();
      this.inflight = this.refresh().finally(() => (this.inflight = undefined));
    }
    await this.inflight;
    return true;
  }

  private async refresh(): Promise<void> {
    try {
      this.keys = await this.importAll(await this.fetchJwks());
      this.fetchedAt = Date.now();
      this.lastFetchFailed = false;
    } catch (error) {
      this.lastFetchFailed = true;
      // The log is internal: it may name the endpoint; it never holds a token.
      this.logger.warn({
        msg: 'signing keys could not be fetched; cached keys stay in use',
        url: this.options.url,
        cachedKeys: this.keys.size,
        error: error instanceof Error ? error.message : 'unknown',
      });
    }
  }

  private async fetchJwks(): Promise<JWK[]> {
    // The timeout signal also aborts a body that trickles in, not only the connect.
    const response = await fetch(this.options.url, {
      signal: AbortSignal.timeout(this.options.timeoutMs),
      headers: { accept: 'application/json' },
      redirect: 'error',
    });
    if (!response.ok) throw new Error(`JWKS endpoint answered ${response.status}`);
    const body: unknown = await response.json().catch(() => {
      throw new Error('JWKS endpoint answered something that is not JSON');
    });
    const keys = (body as { keys?: unknown } | null)?.keys;
    if (!Array.isArray(keys)) throw new Error('JWKS endpoint answered JSON without a keys array');
    return keys.filter((k): k is JWK => typeof k === 'object' && k !== null);
  }

  private async importAll(jwks: JWK[]): Promise<Map<string, CachedKey>> {
    const next = new Map<string, CachedKey>();
    for (const jwk of jwks) {
      // Keycloak publishes its encryption key (use: enc, RSA-OAEP) beside the signing keys.
      if (!jwk.kid || jwk.use === 'enc' || !jwk.alg || !this.options.algorithms.includes(jwk.alg)) continue;
      const material = JSON.stringify([jwk.kty, jwk.alg, jwk.n, jwk.e, jwk.crv, jwk.x, jwk.y]);
      const known = this.keys.get(jwk.kid);
      if (known?.material === material) {
        next.set(jwk.kid, known);
        continue;
      }
      try {
        const key = await importJWK({ ...jwk, ext: false }, jwk.alg);
        if (key instanceof Uint8Array) continue; // a symmetric key is never a realm signing key
        next.set(jwk.kid, { alg: jwk.alg, material, key });
      } catch (error) {
        this.logger.warn({
          msg: 'skipping a published key that cannot be imported',
          kid: jwk.kid,
          error: String(error),
        });
      }
    }
    return next;
  }

  private retryAfterSeconds(): number {
    const since = Date.now() - (this.attemptedAt ?? 0);
    return Math.max(1, Math.ceil((this.options.cooldownMs - since) / 1000));
  }
}
