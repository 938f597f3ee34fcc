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

/** Path parameter `:id` as a UUID (lower case, as PostgreSQL returns it), 400 naming it otherwise. */
function offerId(value: unknown): string {
  const id = String(value);
  if (!UUID.test(id)) throw ProblemException.validation([{ pointer: 'path:id', detail: 'must be a UUID' }]);
  return id.toLowerCase();
}

export const offerIdPipe: PipeTransform<unknown, string> = { transform: offerId };

/** The ETag of an offer: its version, `"3"`. */
export const offerEtag = (row: { version: number }) => `"${row.version}"`;

/**
 * If-Match as the command runner compares it: a weak `W/"3"` names the same version as `"3"` (an offer has
 * no other representation a weak validator could mean).
 */
function strongIfMatch(header: string | undefined): string | undefined {
  return header
    ?.split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .join(', ');
}

/** Who asks to change which offer, against which ETag. */
export interface OfferChange {
  principal: Principal;
  offerId: string;
  ifMatch: string | undefined;
  requestId?: string;
}

/** The OfferChange of a `PUT /offers/:id…` request (after the auth guard set the principal). */
export const Change = createParamDecorator((_: unknown, ctx: ExecutionContext): OfferChange => {
  const req = ctx.switchToHttp().getRequest<Request & { principal: Principal }>();
  const requestId = req.headers['x-request-id'];
  return {
    principal: req.principal,
    offerId: offerId(req.params.id),
    ifMatch: strongIfMatch(req.header('if-match')),
    ...(typeof requestId === 'string' ? { requestId } : {}),
  };
});

export const ApiOfferId = () =>
  ApiParam({ name: 'id', type: String, format: 'uuid', description: 'The offer (tilbud)' });

/** What every change documents: the path id and If-Match (required). */
export const ApiChangeHeaders = () =>
  applyDecorators(
    ApiOfferId(),
    ApiHeader({
      name: 'If-Match',
      required: true,
      description: 'The ETag of the offer as you last read it (412 when stale)',
    }),
  );
