/**
 * The status of a referral (visitationssag). The order follows the case from draft to end.
 * - DRAFT (kladde): created by the municipality, not yet submitted.
 * - SUBMITTED (indsendt): transient. `submit` decides at once whether advice is needed and moves on to
 *   AWAITING_ADVICE or READY_FOR_DECISION, so this machine never stores SUBMITTED. It stays in the list so
 *   a row written by an older version (or an import) can be read, withdrawn or submitted again.
 * - AWAITING_ADVICE (afventer rådgivning): specialist advice is mandatory and has not arrived.
 * - READY_FOR_DECISION (klar til afgørelse)
 * - DECIDED (afgjort): the municipality has chosen offer and level.
 * - SENT_TO_OFFER (sendt til tilbud): waiting for the operator to accept or reject.
 * - ACCEPTED (accepteret) / REJECTED (afvist) by the operator.
 * - PLACEMENT_ACTIVE (anbringelse/ophold i gang) / ENDED (afsluttet).
 * - WITHDRAWN (trukket tilbage) by the municipality.
 */
export const REFERRAL_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'AWAITING_ADVICE',
  'READY_FOR_DECISION',
  'DECIDED',
  'SENT_TO_OFFER',
  'ACCEPTED',
  'REJECTED',
  'PLACEMENT_ACTIVE',
  'ENDED',
  'WITHDRAWN',
] as const;

export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Statuses no command leaves: the case is closed. */
export const CLOSED_REFERRAL_STATUSES = [
  'REJECTED',
  'ENDED',
  'WITHDRAWN',
] as const satisfies readonly ReferralStatus[];

export function isReferralStatus(value: unknown): value is ReferralStatus {
  return typeof value === 'string' && (REFERRAL_STATUSES as readonly string[]).includes(value);
}

/** Open = not closed; an open referral can still be withdrawn. */
export function isOpenStatus(status: ReferralStatus): boolean {
  return !(CLOSED_REFERRAL_STATUSES as readonly ReferralStatus[]).includes(status);
}
