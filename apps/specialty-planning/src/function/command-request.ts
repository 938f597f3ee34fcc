import { applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import type { Principal } from '@platform/auth';
import { ApiIfMatch } from '@platform/http';
import type { Request } from 'express';
import { uuidParam } from './api-fields';

/** Who asks to change which resource, against which ETag: what every command of plans and applications takes. */
export interface CommandRequest {
  principal: Principal;
  id: string;
  ifMatch: string | undefined;
  requestId?: string;
}

/** The CommandRequest of a `…/:id/<command>` request (after the auth guard set the principal). */
export const Change = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandRequest => {
  const req = ctx.switchToHttp().getRequest<Request & { principal: Principal }>();
  const requestId = req.headers['x-request-id'];
  return {
    principal: req.principal,
    id: uuidParam.transform(req.params.id, { type: 'param' }),
    ifMatch: req.header('if-match'),
    ...(typeof requestId === 'string' ? { requestId } : {}),
  };
});

/** What every command documents: the path id and If-Match (required). */
export const ApiCommandHeaders = (what: string) =>
  applyDecorators(ApiParam({ name: 'id', type: String, format: 'uuid', description: what }), ApiIfMatch());
