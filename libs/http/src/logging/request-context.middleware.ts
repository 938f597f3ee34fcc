import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { currentRequest } from './json-logger';

const logger = new Logger('http');
const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * Gives every request an id (the caller's `X-Request-Id` when it is well formed) and writes one access log
 * line when the response is done: method, path without query, status, duration. No bodies, no query
 * strings, no headers: they may carry personal data or tokens.
 */
export function requestContext(req: Request, res: Response, next: NextFunction): void {
  const given = req.header('x-request-id');
  const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
  req.headers['x-request-id'] = requestId;
  res.setHeader('X-Request-Id', requestId);
  const started = process.hrtime.bigint();
  res.on('finish', () => {
    if (req.path.startsWith('/health')) return;
    logger.log({
      msg: 'request',
      requestId,
      method: req.method,
      path: req.route ? `${req.baseUrl}${String(req.route.path)}` : req.path,
      status: res.statusCode,
      ms: Number((process.hrtime.bigint() - started) / 1_000_000n),
    });
  });
  currentRequest.run({ requestId }, next);
}
