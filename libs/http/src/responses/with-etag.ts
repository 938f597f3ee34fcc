import type { Response } from 'express';

/**
 * A response body for one resource with its ETag set: every endpoint that returns a resource does it, so the
 * next change can send If-Match.
 */
export function withEtag<T>(res: Response, etag: string, body: T): T {
  res.setHeader('ETag', etag);
  return body;
}
