import type { IsoDate } from '@platform/domain';
import { PlanTransitionError, PlanWithoutEntriesError } from './plan.errors';

/** What is stored of a plan version's life: a draft, in consultation (høring), approved by the state. */
export const PLAN_STATUSES = ['DRAFT', 'CONSULTATION', 'APPROVED'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/**
 * What a version is on a given day: its stored status, or, once approved, APPROVED (not yet in force),
 * EFFECTIVE (the one in force, gældende) or SUPERSEDED (a later approved version took over). Computed, never
 * stored: the day a version takes effect needs no job to flip a column.
 */
export const PLAN_PHASES = ['DRAFT', 'CONSULTATION', 'APPROVED', 'EFFECTIVE', 'SUPERSEDED'] as const;
export type PlanPhase = (typeof PLAN_PHASES)[number];

export type PlanCommand = 'editEntries' | 'startConsultation' | 'approve';

const NEXT: Record<PlanStatus, Partial<Record<PlanCommand, PlanStatus>>> = {
  // Entries change only while the version is a draft: what went to consultation is what gets approved.
  DRAFT: { editEntries: 'DRAFT', startConsultation: 'CONSULTATION' },
  CONSULTATION: { approve: 'APPROVED' },
  APPROVED: {},
};

export function allowedPlanCommands(status: PlanStatus): PlanCommand[] {
  return Object.keys(NEXT[status]) as PlanCommand[];
}

/** The status after the command; 409 (naming the allowed commands) when the status does not allow it. */
export function nextPlanStatus(status: PlanStatus, command: PlanCommand): PlanStatus {
  const next = NEXT[status][command];
  if (!next) throw new PlanTransitionError(status, command, allowedPlanCommands(status));
  return next;
}

/**
 * Approving is a state change that must leave functions behind: a version without entries approves nothing,
 * so it is refused as a conflict with the plan's content (409), not as bad input (the approve body is empty).
 */
export function assertApprovable(status: PlanStatus, entryCount: number): PlanStatus {
  const next = nextPlanStatus(status, 'approve');
  if (entryCount === 0) throw new PlanWithoutEntriesError();
  return next;
}

/** An approved version as far as precedence is concerned. */
export interface ApprovedVersion {
  id: string;
  number: number;
  effectiveFrom: IsoDate;
}

/** Later effective date first; on the same date the later version (higher number) wins. */
function precedes(a: ApprovedVersion, b: ApprovedVersion): boolean {
  return a.effectiveFrom > b.effectiveFrom || (a.effectiveFrom === b.effectiveFrom && a.number > b.number);
}

/** The version in force on a day: of the approved versions effective on or before it, the one that came last. */
export function effectiveVersionOn(
  approved: readonly ApprovedVersion[],
  on: IsoDate,
): ApprovedVersion | undefined {
  let best: ApprovedVersion | undefined;
  for (const version of approved) {
    if (version.effectiveFrom <= on && (!best || precedes(version, best))) best = version;
  }
  return best;
}

/** What a version is on a day (see PLAN_PHASES), given every approved version. */
export function planPhaseOn(
  plan: ApprovedVersion & { status: PlanStatus },
  approved: readonly ApprovedVersion[],
  on: IsoDate,
): PlanPhase {
  if (plan.status !== 'APPROVED') return plan.status;
  if (plan.effectiveFrom > on) return 'APPROVED';
  return effectiveVersionOn(approved, on)?.id === plan.id ? 'EFFECTIVE' : 'SUPERSEDED';
}

/**
 * The version a newly approved one replaces on its effective date: the one that would be in force that day
 * without it. A version approved now outranks every other on its own date (it has the highest number).
 */
export function supersededBy(
  approving: ApprovedVersion,
  approvedOthers: readonly ApprovedVersion[],
): ApprovedVersion | undefined {
  return effectiveVersionOn(
    approvedOthers.filter((v) => v.id !== approving.id),
    approving.effectiveFrom,
  );
}
