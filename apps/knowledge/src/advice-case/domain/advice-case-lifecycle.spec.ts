import { allowedCommands, nextStatus } from './advice-case-lifecycle';
import { IllegalAdviceCaseTransitionError } from './advice-case.errors';

describe('advice case lifecycle', () => {
  it('stays ASSIGNED through reassignment and decline, and ends with advice or withdrawal', () => {
    expect(nextStatus('ASSIGNED', 'reassign')).toBe('ASSIGNED');
    expect(nextStatus('ASSIGNED', 'decline')).toBe('ASSIGNED');
    expect(nextStatus('ASSIGNED', 'giveAdvice')).toBe('ADVICE_GIVEN');
    expect(nextStatus('ASSIGNED', 'withdraw')).toBe('WITHDRAWN');
  });

  it('refuses advice twice, and any change to a withdrawn case, naming what is allowed', () => {
    expect(() => nextStatus('ADVICE_GIVEN', 'giveAdvice')).toThrow(IllegalAdviceCaseTransitionError);
    expect(() => nextStatus('WITHDRAWN', 'reassign')).toThrow(/allowed: none/);
    expect(allowedCommands('ADVICE_GIVEN')).toEqual(['recordDecision']);
  });

  it('records a decision only on a case with advice', () => {
    expect(nextStatus('ADVICE_GIVEN', 'recordDecision')).toBe('ADVICE_GIVEN');
    expect(() => nextStatus('ASSIGNED', 'recordDecision')).toThrow(IllegalAdviceCaseTransitionError);
  });
});
