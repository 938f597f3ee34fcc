import {
  applyDecorators,
  createParamDecorator,
  type ExecutionContext,
  type PipeTransform,
} from '@nestjs/common';
import { ApiHeader, ApiParam } from '@nestjs/swagger';
import type { Principal } from '@platform/auth';
import { ProblemException } from '@platform/http';
import type { Request } from 'express';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Path parameter `:id` as a UUID, 400 naming it otherwise. */
export function pathUuid(value: unknown, name = 'id'): string {
  const id = String(value);
  if (!UUID.test(id))
    throw ProblemException.validation([{ pointer: `path:${name}`, detail: 'must be a UUID' }]);
  return id;
}

export const uuidPipe: PipeTransform<unknown, string> = { transform: (value) => pathUuid(value) };

/** Who asks to change which resource, against which ETag: what every state change starts from. */
export interface ChangeRequest {
  principal: Principal;
  id: string;
  ifMatch: string | undefined;
  requestId?: string;
}

/** The ChangeRequest of a `POST /<resources>/:id/<command>` (after the auth guard set the principal). */
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

/** What every state change documents: the path id, If-Match (required) and Idempotency-Key (optional). */
export const ApiChangeHeaders = (what: string) =>
  applyDecorators(
    ApiParam({ name: 'id', type: String, format: 'uuid', description: what }),
    ApiHeader({
      name: 'If-Match',
      required: true,
      description: `The ETag of the ${what.toLowerCase()} as you last read it (412 when stale)`,
    }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Makes a retried POST have one effect',
    }),
  );

export const idParam = (what: string) =>
  ApiParam({ name: 'id', type: String, format: 'uuid', description: what });

export interface RequestMeta {
  requestId?: string;
}
