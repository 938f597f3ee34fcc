import { REFERRAL_COMMANDS, type ReferralCommand } from './referral-command';
import { allowedCommands, assertAllowed, nextStatus } from './referral-lifecycle';
import {
  AdviceRequiredBeforeDecisionError,
  IllegalTransitionError,
  TransitionContextMissingError,
} from './referral.errors';
import { isOpenStatus, REFERRAL_STATUSES, type ReferralStatus } from './referral-status';

/** The whole machine, written out by hand: every pair not listed must be refused. */
const ALLOWED: Record<ReferralStatus, Partial<Record<ReferralCommand, ReferralStatus>>> = {
  DRAFT: { submit: 'AWAITING_ADVICE', withdraw: 'WITHDRAWN' },
  SUBMITTED: { submit: 'AWAITING_ADVICE', withdraw: 'WITHDRAWN' },
  AWAITING_ADVICE: { receiveAdvice: 'READY_FOR_DECISION', decide: 'DECIDED', withdraw: 'WITHDRAWN' },
  READY_FOR_DECISION: { decide: 'DECIDED', withdraw: 'WITHDRAWN' },
  DECIDED: { receiveAdvice: 'DECIDED', sendToOffer: 'SENT_TO_OFFER', withdraw: 'WITHDRAWN' },
  SENT_TO_OFFER: {
    receiveAdvice: 'SENT_TO_OFFER',
    accept: 'ACCEPTED',
    reject: 'REJECTED',
    withdraw: 'WITHDRAWN',
  },
  ACCEPTED: { receiveAdvice: 'ACCEPTED', startPlacement: 'PLACEMENT_ACTIVE', withdraw: 'WITHDRAWN' },
  PLACEMENT_ACTIVE: { receiveAdvice: 'PLACEMENT_ACTIVE', endPlacement: 'ENDED', withdraw: 'WITHDRAWN' },
  REJECTED: {},
  ENDED: {},
  WITHDRAWN: {},
};
// Context that satisfies every conditional transition; the conditions are tested on their own below.
const CONTEXT = { adviceRequired: true, urgent: true };

const pairs = REFERRAL_STATUSES.flatMap((status) =>
  REFERRAL_COMMANDS.map((command) => ({ status, command, to: ALLOWED[status][command] })),
);

describe('referral lifecycle: every status × command', () => {
  it.each(pairs.filter((p) => p.to))('$status + $command → $to', ({ status, command, to }) => {
    expect(nextStatus(status, command, CONTEXT)).toBe(to);
    expect(() => assertAllowed(status, command)).not.toThrow();
  });

  it.each(pairs.filter((p) => !p.to))(
    'refuses $command in $status, naming the allowed commands',
    ({ status, command }) => {
      const expectedAllowed = REFERRAL_COMMANDS.filter((c) => ALLOWED[status][c]);
      expect(() => nextStatus(status, command, CONTEXT)).toThrow(IllegalTransitionError);
      try {
        nextStatus(status, command, CONTEXT);
      } catch (error) {
        expect(error).toMatchObject({
          code: 'INVALID_TRANSITION',
          kind: 'conflict',
          details: { currentStatus: status, allowed: expectedAllowed },
          currentStatus: status,
          command,
          allowed: expectedAllowed,
        });
      }
    },
  );

  it.each(REFERRAL_STATUSES)('lists exactly the allowed commands of %s', (status) => {
    expect(allowedCommands(status)).toEqual(REFERRAL_COMMANDS.filter((c) => ALLOWED[status][c]));
  });
});

describe('referral lifecycle: conditions', () => {
  it('submits to READY_FOR_DECISION when advice is not required', () => {
    expect(nextStatus('DRAFT', 'submit', { adviceRequired: false })).toBe('READY_FOR_DECISION');
  });

  it('refuses to submit without knowing whether advice is required', () => {
    expect(() => nextStatus('DRAFT', 'submit')).toThrow(TransitionContextMissingError);
  });

  it('refuses a decision before mandatory advice unless the placement is urgent with a reason', () => {
    expect(() => nextStatus('AWAITING_ADVICE', 'decide')).toThrow(AdviceRequiredBeforeDecisionError);
    expect(() => nextStatus('AWAITING_ADVICE', 'decide', { urgent: false })).toThrow(
      expect.objectContaining({
        code: 'INVALID_TRANSITION',
        details: { currentStatus: 'AWAITING_ADVICE', allowed: ['receiveAdvice', 'withdraw'] },
      }),
    );
    expect(nextStatus('AWAITING_ADVICE', 'decide', { urgent: true })).toBe('DECIDED');
  });

  it('decides a referral that is ready without needing urgency', () => {
    expect(nextStatus('READY_FOR_DECISION', 'decide')).toBe('DECIDED');
  });

  it('records advice after an urgent decision without changing the status', () => {
    expect(nextStatus('DECIDED', 'receiveAdvice')).toBe('DECIDED');
    expect(nextStatus('PLACEMENT_ACTIVE', 'receiveAdvice')).toBe('PLACEMENT_ACTIVE');
  });

  it('lets every open status be withdrawn and no closed one', () => {
    for (const status of REFERRAL_STATUSES) {
      expect(allowedCommands(status).includes('withdraw')).toBe(isOpenStatus(status));
    }
  });

  it('refuses a status from outside the machine, such as a stale database value', () => {
    expect(() => allowedCommands('ARCHIVED' as ReferralStatus)).toThrow();
  });
});
