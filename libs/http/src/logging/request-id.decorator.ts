import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/** The request id set by requestContext (X-Request-Id), for audit events and logs. */
export const RequestId = createParamDecorator((_: unknown, ctx: ExecutionContext): string | undefined => {
  const value = ctx.switchToHttp().getRequest<Request>().headers['x-request-id'];
  return typeof value === 'string' ? value : undefined;
});

/** What a service method gets of the request besides the caller: the request id, for its audit events. */
export interface RequestMeta {
  requestId?: string;
}
