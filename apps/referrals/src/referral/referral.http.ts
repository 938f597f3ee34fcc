import { applyDecorators, ParseUUIDPipe } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { ProblemException } from '@platform/http';
import type { Response } from 'express';
import type { ReferralRow } from './referral.repository';
import { etagOf, toReferralView, type ReferralView } from './referral.view';

/** Path parameter `:id` as a UUID, 400 naming it otherwise. */
export const referralIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => ProblemException.validation([{ pointer: 'path:id', detail: 'must be a UUID' }]),
});

/** Every endpoint that returns one referral sets its ETag, so the next change can send If-Match. */
export function referralResponse(res: Response, row: ReferralRow): ReferralView {
  res.setHeader('ETag', etagOf(row));
  return toReferralView(row);
}

/** Headers every state change documents: If-Match (required) and Idempotency-Key (optional). */
export const ApiChangeHeaders = () =>
  applyDecorators(
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
