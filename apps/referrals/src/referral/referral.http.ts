import {
  applyDecorators,
  createParamDecorator,
  type ExecutionContext,
  type PipeTransform,
} from '@nestjs/common';
import { ApiHeader, ApiParam } from '@nestjs/swagger';
import type { Principal } from '@platform/auth';
import { ProblemException } from '@platform/http';
import type { Request, Response } from 'express';
import type { ReferralRow } from './referral.repository';
import { etagOf, toReferralView, type ReferralView } from './referral.view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Path parameter `:id` as a UUID, 400 naming it otherwise. */
function referralId(value: unknown): string {
  const id = String(value);
  if (!UUID.test(id)) throw ProblemException.validation([{ pointer: 'path:id', detail: 'must be a UUID' }]);
  return id;
}

export const referralIdPipe: PipeTransform<unknown, string> = { transform: referralId };

/** Every endpoint that returns one referral sets its ETag, so the next change can send If-Match. */
export function referralResponse(res: Response, row: ReferralRow): ReferralView {
  res.setHeader('ETag', etagOf(row));
  return toReferralView(row);
}

/** Who asks to change which referral, against which ETag: what every state change starts from. */
export interface ReferralChange {
  principal: Principal;
  referralId: string;
  ifMatch: string | undefined;
  requestId?: string;
}

/** The ReferralChange of a `POST /referrals/:id/<command>` request (after the auth guard set the principal). */
export const Change = createParamDecorator((_: unknown, ctx: ExecutionContext): ReferralChange => {
  const req = ctx.switchToHttp().getRequest<Request & { principal: Principal }>();
  const requestId = req.headers['x-request-id'];
  return {
    principal: req.principal,
    referralId: referralId(req.params.id),
    ifMatch: req.header('if-match'),
    ...(typeof requestId === 'string' ? { requestId } : {}),
  };
});

/** What every state change documents: the path id, If-Match (required) and Idempotency-Key (optional). */
export const ApiChangeHeaders = () =>
  applyDecorators(
    ApiParam({ name: 'id', type: String, format: 'uuid', description: 'The referral' }),
    ApiHeader({
      name: 'If-Match',
      required: true,
      description: 'The ETag of the referral as you last read it (412 when stale)',
    }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Makes a retried POST have one effect',
    }),
  );
