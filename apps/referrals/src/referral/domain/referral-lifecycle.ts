import { REFERRAL_COMMANDS, type ReferralCommand } from './referral-command';
import {
  AdviceRequiredBeforeDecisionError,
  IllegalTransitionError,
  TransitionContextMissingError,
} from './referral.errors';
import type { ReferralStatus } from './referral-status';

export { REFERRAL_COMMANDS, isReferralCommand, type ReferralCommand } from './referral-command';

/** Facts some transitions depend on, computed by the caller from the referral and its rules. */
export interface TransitionContext {
  /** submit: whether specialist advice is mandatory (from assessAdviceRequirement). Required for submit. */
  adviceRequired?: boolean;
  /**
   * decide: the referral is an urgent placement (akut anbringelse) WITH a written reason on file. Set it only
   * when the reason exists: it is what lets a decision come before mandatory advice.
   */
  urgent?: boolean;
}

/**
 * The commands that can apply in a status. Two are conditional: `submit` needs `adviceRequired`, and
 * `decide` in AWAITING_ADVICE needs `urgent`. They are listed, because the answer depends on the context,
 * and nextStatus refuses them when the condition fails.
 * `receiveAdvice` after the decision (DECIDED … PLACEMENT_ACTIVE) records advice that follows an urgent
 * decision, without moving the referral.
 */
export function allowedCommands(status: ReferralStatus): ReferralCommand[] {
  const allowed = commandsIn(status);
  return REFERRAL_COMMANDS.filter((c) => allowed.includes(c));
}

function commandsIn(status: ReferralStatus): readonly ReferralCommand[] {
  switch (status) {
    case 'DRAFT':
    case 'SUBMITTED':
      return ['submit', 'withdraw'];
    case 'AWAITING_ADVICE':
      return ['receiveAdvice', 'decide', 'withdraw'];
    case 'READY_FOR_DECISION':
      return ['decide', 'withdraw'];
    case 'DECIDED':
      return ['receiveAdvice', 'sendToOffer', 'withdraw'];
    case 'SENT_TO_OFFER':
      return ['receiveAdvice', 'accept', 'reject', 'withdraw'];
    case 'ACCEPTED':
      return ['receiveAdvice', 'startPlacement', 'withdraw'];
    case 'PLACEMENT_ACTIVE':
      return ['receiveAdvice', 'endPlacement', 'withdraw'];
    case 'REJECTED':
    case 'ENDED':
    case 'WITHDRAWN':
      return [];
    default:
      return unreachable(status);
  }
}

/** Throws IllegalTransitionError unless the command can apply in the status (before any work is done). */
export function assertAllowed(status: ReferralStatus, command: ReferralCommand): void {
  const allowed = allowedCommands(status);
  if (!allowed.includes(command)) throw new IllegalTransitionError(status, command, allowed);
}

/** The status after the command, or an IllegalTransitionError (with the allowed commands) when refused. */
export function nextStatus(
  status: ReferralStatus,
  command: ReferralCommand,
  context: TransitionContext = {},
): ReferralStatus {
  assertAllowed(status, command);
  switch (command) {
    case 'submit':
      if (context.adviceRequired === undefined)
        throw new TransitionContextMissingError(command, 'adviceRequired');
      return context.adviceRequired ? 'AWAITING_ADVICE' : 'READY_FOR_DECISION';
    case 'receiveAdvice':
      return status === 'AWAITING_ADVICE' ? 'READY_FOR_DECISION' : status;
    case 'decide':
      if (status === 'AWAITING_ADVICE' && context.urgent !== true) {
        throw new AdviceRequiredBeforeDecisionError(
          status,
          allowedCommands(status).filter((c) => c !== 'decide'),
        );
      }
      return 'DECIDED';
    case 'sendToOffer':
      return 'SENT_TO_OFFER';
    case 'accept':
      return 'ACCEPTED';
    case 'reject':
      return 'REJECTED';
    case 'startPlacement':
      return 'PLACEMENT_ACTIVE';
    case 'endPlacement':
      return 'ENDED';
    case 'withdraw':
      return 'WITHDRAWN';
    default:
      return unreachable(command);
  }
}

/** The compiler proves every case is handled; at run time a value from outside the union (e.g. a stale row) lands here. */
function unreachable(value: never): never {
  throw new Error(`unhandled value ${JSON.stringify(value)}`);
}
