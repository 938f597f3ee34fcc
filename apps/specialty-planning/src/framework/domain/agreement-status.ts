import { StateConflict, ValidationFailed, type ElectionPeriod, type IsoDate } from '@platform/domain';

/**
 * The status of a social and special-education agreement (rule 10): drafted, negotiated between the region and
 * the municipal council, signed; expired once its election period is over. A signed agreement may be reopened
 * for revision (NEGOTIATING), as the framework-agreement concept allows ongoing revision.
 */
export const AGREEMENT_STATUSES = ['DRAFT', 'NEGOTIATING', 'SIGNED', 'EXPIRED'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

const NEXT: Record<AgreementStatus, readonly AgreementStatus[]> = {
  DRAFT: ['NEGOTIATING', 'SIGNED', 'EXPIRED'],
  NEGOTIATING: ['DRAFT', 'SIGNED', 'EXPIRED'],
  SIGNED: ['NEGOTIATING', 'EXPIRED'],
  EXPIRED: [],
};

export function allowedNextStatuses(status: AgreementStatus): readonly AgreementStatus[] {
  return NEXT[status];
}

/** Whether the period is over on `today`: only then can an agreement be EXPIRED. */
const periodOver = (period: ElectionPeriod, today: IsoDate) => today > period.lastDay;

/** A new agreement may start in any status but EXPIRED, which needs its period to be over (registering history). */
export function assertInitialStatus(status: AgreementStatus, period: ElectionPeriod, today: IsoDate): void {
  if (status === 'EXPIRED' && !periodOver(period, today))
    throw new AgreementNotExpirableError(period, '/status');
}

/** The rule of PUT …/status: one of the allowed next statuses; EXPIRED only after the period's last day. */
export function assertStatusChange(
  from: AgreementStatus,
  to: AgreementStatus,
  period: ElectionPeriod,
  today: IsoDate,
): void {
  if (!NEXT[from].includes(to)) throw new InvalidAgreementTransitionError(from, to);
  if (to === 'EXPIRED' && !periodOver(period, today)) throw new AgreementNotExpirableError(period);
}

export class InvalidAgreementTransitionError extends StateConflict {
  constructor(from: AgreementStatus, to: AgreementStatus) {
    const allowed = NEXT[from];
    super(
      'INVALID_TRANSITION',
      `an agreement in status ${from} cannot become ${to}; allowed: ${allowed.join(', ') || 'none'}`,
      { currentStatus: from, allowed },
    );
  }
}

/** EXPIRED before the election period ended: the status asked for is not acceptable yet (400, naming it). */
export class AgreementNotExpirableError extends ValidationFailed {
  constructor(period: ElectionPeriod, pointer = '/status') {
    super(
      'AGREEMENT_PERIOD_NOT_OVER',
      `an agreement of the election period ${period.code} can expire only after ${period.lastDay}`,
      [pointer],
    );
  }
}
