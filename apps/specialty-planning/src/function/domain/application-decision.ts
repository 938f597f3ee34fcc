import { ApplicationDecidedError } from './function.errors';

/** An application's life: filed (PENDING), then decided once, APPROVED or REJECTED. */
export const APPLICATION_STATUSES = ['PENDING', 'APPROVED', 'REJECTED'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export type ApplicationDecision = 'approve' | 'reject';

/** The status a decision leads to; a decided application cannot be decided again (409). */
export function decideApplication(
  status: ApplicationStatus,
  decision: ApplicationDecision,
): ApplicationStatus {
  if (status !== 'PENDING') throw new ApplicationDecidedError(status);
  return decision === 'approve' ? 'APPROVED' : 'REJECTED';
}
