import type { NextFunction, Request, Response } from 'express';
import { PROBLEM_CONTENT_TYPE, problemType } from '../problem/problem';

export interface RateLimitOptions {
  /** Sustained requests per second per client; 0 switches the limit off. */
  perSecond: number;
  /** Requests a client may send at once before the sustained rate applies. */
  burst: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Who a request counts against: the client and subject the bearer token names (decoded, not verified: only
 * for counting; the guard verifies it), else the address. A forger who varies the subject gets a bucket each,
 * but every forged token is refused with 401, and the address's own bucket (`ip:`) counts them all too.
 */
/** What the key needs of a request. */
export interface KeyedRequest {
  ip?: string;
  header(name: string): string | undefined;
}

export function clientKeys(req: KeyedRequest): string[] {
  const address = `ip:${req.ip ?? 'unknown'}`;
  const token = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\./.exec(req.header('authorization') ?? '');
  if (!token) return [address];
  try {
    const claims = JSON.parse(Buffer.from(token[2]!, 'base64url').toString('utf8')) as {
      azp?: unknown;
      sub?: unknown;
    };
    return [`client:${String(claims.azp)}:${String(claims.sub)}`, address];
  } catch {
    return [address];
  }
}

/**
 * A token bucket per client (and per address, ten times as large): past its burst a client gets 429
 * problem+json with `Retry-After` (whole seconds until a request would pass). In memory, per process: the limit
 * protects one instance from one noisy client; a gateway in front limits the fleet.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private sweptAt = Date.now();

  constructor(private readonly options: RateLimitOptions) {}

  /** Takes one request from each of the keys' buckets; the seconds to wait when one is empty. */
  take(keys: string[], now = Date.now()): number | undefined {
    if (this.options.perSecond <= 0) return undefined;
    this.sweep(now);
    let wait: number | undefined;
    for (const key of keys) {
      const scale = key.startsWith('ip:') ? 10 : 1;
      const capacity = this.options.burst * scale;
      const rate = this.options.perSecond * scale;
      const bucket = this.buckets.get(key) ?? { tokens: capacity, at: now };
      bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * rate);
      bucket.at = now;
      this.buckets.set(key, bucket);
      if (bucket.tokens < 1) wait = Math.max(wait ?? 0, Math.ceil((1 - bucket.tokens) / rate));
    }
    if (wait !== undefined) return wait;
    for (const key of keys) this.buckets.get(key)!.tokens -= 1;
    return undefined;
  }

  /** Forgets buckets that have filled up again, once a minute, so the map holds only active clients. */
  private sweep(now: number): void {
    if (now - this.sweptAt < 60_000) return;
    this.sweptAt = now;
    for (const [key, bucket] of this.buckets) {
      if (now - bucket.at > 60_000) this.buckets.delete(key);
    }
  }

  middleware() {
    return (req: Request, res: Response, next: NextFunction): void => {
      if (!req.path.startsWith('/api/')) return next();
      const wait = this.take(clientKeys(req));
      if (wait === undefined) return next();
      res
        .status(429)
        .setHeader('Retry-After', String(Math.max(1, wait)))
        .type(PROBLEM_CONTENT_TYPE)
        .send(
          JSON.stringify({
            type: problemType('too-many-requests'),
            title: 'Too many requests',
            status: 429,
            detail: `more than ${this.options.burst} requests at once, or ${this.options.perSecond} a second, from this client`,
            instance: req.originalUrl.split('?')[0],
          }),
        );
    };
  }
}
