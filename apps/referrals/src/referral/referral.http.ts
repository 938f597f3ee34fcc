import { ApiChangeHeaders, withEtag } from '@platform/http';
import type { ChangeRequest } from '@platform/kit';
import type { Response } from 'express';
import type { ReferralRow } from './referral.repository';
import { etagOf, toReferralView, type ReferralView } from './referral.view';

/** Every endpoint that returns one referral sets its ETag, so the next change can send If-Match. */
export function referralResponse(res: Response, row: ReferralRow): ReferralView {
  return withEtag(res, etagOf(row), toReferralView(row));
}

/** Who asks to change which referral (`id`), against which ETag: what every state change starts from. */
export type ReferralChange = ChangeRequest;

/** What every state change documents: the path id, If-Match (required) and Idempotency-Key (optional). */
export const ApiReferralChange = () => ApiChangeHeaders({ id: 'The referral', resource: 'referral' });
