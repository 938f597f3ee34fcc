import { IllegalAdviceCaseTransitionError } from './advice-case.errors';

/**
 * An advice case (rådgivningssag): ASSIGNED from opening until advice is given (ADVICE_GIVEN) or its referral is
 * withdrawn (WITHDRAWN). Reassignment and decline move it between functions and keep it ASSIGNED.
 */
export const ADVICE_CASE_STATUSES = ['ASSIGNED', 'ADVICE_GIVEN', 'WITHDRAWN'] as const;
export type AdviceCaseStatus = (typeof ADVICE_CASE_STATUSES)[number];

export const ADVICE_CASE_COMMANDS = [
  'reassign',
  'decline',
  'giveAdvice',
  'withdraw',
  'recordDecision',
] as const;
export type AdviceCaseCommand = (typeof ADVICE_CASE_COMMANDS)[number];

const ALLOWED: Record<AdviceCaseStatus, readonly AdviceCaseCommand[]> = {
  ASSIGNED: ['reassign', 'decline', 'giveAdvice', 'withdraw'],
  // a decision made before or after the advice is compared with it (rule 4), for the metrics
  ADVICE_GIVEN: ['recordDecision'],
  WITHDRAWN: [],
};

const NEXT: Partial<Record<AdviceCaseCommand, AdviceCaseStatus>> = {
  giveAdvice: 'ADVICE_GIVEN',
  withdraw: 'WITHDRAWN',
};

export function allowedCommands(status: AdviceCaseStatus): readonly AdviceCaseCommand[] {
  return ALLOWED[status] ?? [];
}

/** The status after a command, or IllegalAdviceCaseTransitionError (409) when the status does not allow it. */
export function nextStatus(status: AdviceCaseStatus, command: AdviceCaseCommand): AdviceCaseStatus {
  const allowed = allowedCommands(status);
  if (!allowed.includes(command)) throw new IllegalAdviceCaseTransitionError(status, command, allowed);
  return NEXT[command] ?? status;
}

/** Open cases count down and can be overdue. */
export const isOpen = (status: string) => status === 'ASSIGNED';
