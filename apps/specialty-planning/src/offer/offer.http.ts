import { ApiChangeHeaders, ApiIdParam } from '@platform/http';

/**
 * The ETag of an offer: its version, `"3"` (a strong validator: an offer has no other representation; the
 * command runner takes `W/"3"` in If-Match as the same version).
 */
export const offerEtag = (row: { version: number }) => `"${row.version}"`;

export const ApiOfferId = () => ApiIdParam('The offer (tilbud)');

/** What every change documents: the path id and If-Match (required); a PUT takes no Idempotency-Key. */
export const ApiOfferChange = () =>
  ApiChangeHeaders({ id: 'The offer (tilbud)', resource: 'offer', idempotencyKey: false });
