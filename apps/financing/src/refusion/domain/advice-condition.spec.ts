import { adviceEligibility, adviceLate } from './advice-condition';

const none = { adviceObtained: false, followsAdvice: null };
const deviated = { adviceObtained: true, followsAdvice: false };
const followed = { adviceObtained: true, followsAdvice: true };

describe('the advice condition of a rule set', () => {
  it('NONE (current law): every case is eligible, with or without advice', () => {
    for (const facts of [none, deviated, followed])
      expect(adviceEligibility('NONE', facts)).toEqual({ eligible: true, reason: 'NO_ADVICE_CONDITION' });
  });

  it('ADVICE_OBTAINED: eligible when advice was given, followed or not', () => {
    expect(adviceEligibility('ADVICE_OBTAINED', none)).toEqual({ eligible: false, reason: 'NO_ADVICE' });
    expect(adviceEligibility('ADVICE_OBTAINED', deviated)).toEqual({
      eligible: true,
      reason: 'ADVICE_OBTAINED',
    });
  });

  it('ADVICE_FOLLOWED: only when the decision followed the advice', () => {
    expect(adviceEligibility('ADVICE_FOLLOWED', none).reason).toBe('NO_ADVICE');
    expect(adviceEligibility('ADVICE_FOLLOWED', deviated)).toEqual({
      eligible: false,
      reason: 'ADVICE_NOT_FOLLOWED',
    });
    expect(adviceEligibility('ADVICE_FOLLOWED', followed)).toEqual({
      eligible: true,
      reason: 'ADVICE_FOLLOWED',
    });
    expect(adviceEligibility('ADVICE_FOLLOWED', { adviceObtained: true, followsAdvice: null }).eligible).toBe(
      false,
    );
  });

  it('the advice deadline: advice after an urgent decision counts only within the rule set’s working days', () => {
    const urgent = { ...followed, decidedBeforeAdvice: true, decidedOn: '2026-12-01' };
    // 10 working days from Tuesday 1 December 2026 end on Tuesday 15 December.
    expect(adviceEligibility('ADVICE_FOLLOWED', { ...urgent, adviceReceivedOn: '2026-12-15' }, 10)).toEqual({
      eligible: true,
      reason: 'ADVICE_FOLLOWED',
    });
    expect(adviceEligibility('ADVICE_OBTAINED', { ...urgent, adviceReceivedOn: '2026-12-16' }, 10)).toEqual({
      eligible: false,
      reason: 'ADVICE_LATE',
    });
    // Under current law late advice changes nothing; advice before the decision is never late.
    expect(adviceEligibility('NONE', { ...urgent, adviceReceivedOn: '2027-02-01' }, 10).eligible).toBe(true);
    expect(
      adviceEligibility(
        'ADVICE_FOLLOWED',
        { ...followed, decidedOn: '2026-12-01', adviceReceivedOn: '2027-02-01' },
        10,
      ).eligible,
    ).toBe(true);
    expect(adviceLate({ ...urgent, adviceReceivedOn: null }, 10)).toBe(false);
  });
});
