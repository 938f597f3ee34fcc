import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '@platform/auth';
import { pathUuid } from '@platform/http';
import type { Request } from 'express';

/** Who asks to change which resource, against which ETag: what every command of a caller starts from. */
export interface ChangeRequest {
  principal: Principal;
  /** The path id, checked to be a UUID (400 naming `path:id` otherwise). */
  id: string;
  ifMatch: string | undefined;
  requestId?: string;
}

/** The ChangeRequest of a `…/:id…` request that changes the resource (after the auth guard set the principal). */
export const Change = createParamDecorator((_: unknown, ctx: ExecutionContext): ChangeRequest => {
  const req = ctx.switchToHttp().getRequest<Request & { principal: Principal }>();
  const requestId = req.headers['x-request-id'];
  return {
    principal: req.principal,
    id: pathUuid(req.params.id),
    ifMatch: req.header('if-match'),
    ...(typeof requestId === 'string' ? { requestId } : {}),
  };
});

/** The caller's side of a command (see CommandRunner) on the resource a ChangeRequest names. */
export const commandFor = (change: ChangeRequest, resourceType: string) => ({
  principal: change.principal,
  requestId: change.requestId,
  ifMatch: change.ifMatch,
  resource: { type: resourceType, id: change.id },
});
