import { Logger } from '@nestjs/common';
import { isCorrelationId } from '@platform/contracts';
import { withCorrelation } from '@platform/messaging';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { currentRequest } from './json-logger';

const logger = new Logger('http');

/**
 * Gives every request an id (the caller's `X-Request-Id` when it is well formed) and writes one access log
 * line when the response is done: method, path without query, status, duration. No bodies, no query
 * strings, no headers: they may carry personal data or tokens.
 *
 * The request id is also the correlation id (CloudEvents `correlationid`, docs/events.md) of everything the
 * request writes to the outbox, its events and its audit rows; a command on a resource that keeps its case's
 * id (a referral, an advice case) runs in that one instead (libs/kit, CommandRunner). One id, one header: a
 * caller that wants its own id on the case sends it as `X-Request-Id` when it opens the case.
 */
export function requestContext(req: Request, res: Response, next: NextFunction): void {
  const given = req.header('x-request-id');
  const requestId = isCorrelationId(given) ? given : randomUUID();
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
  currentRequest.run({ requestId }, () => withCorrelation(requestId, next));
}
