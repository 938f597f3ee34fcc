import { adviceEligibility } from './advice-condition';

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
});
