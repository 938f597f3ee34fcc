import { assessDecision, compareWithAdvice, type DecisionInput } from './deviation';
import { DeviationJustificationRequiredError } from './referral.errors';

const OFFER_A = '6f1c2d3e-0000-4000-8000-00000000000a';
const OFFER_B = '6f1c2d3e-0000-4000-8000-00000000000b';
const advice = { level: 'HIGH' as const, offerId: OFFER_A };
const input = (decision: DecisionInput['decision'], justification?: string): DecisionInput => ({
  advice,
  decision,
  justification,
  minJustificationLength: 20,
});
const JUSTIFIED = 'The citizen’s family lives next to offer B.';

describe('deviation from advice', () => {
  it('follows the advice at the advised level and offer', () => {
    expect(assessDecision(input({ level: 'HIGH', offerId: OFFER_A }))).toEqual({
      followsAdvice: true,
      deviation: false,
      deviationReasons: [],
    });
  });

  it('flags a lower level than advised', () => {
    expect(assessDecision(input({ level: 'MODERATE', offerId: OFFER_A }, JUSTIFIED))).toEqual({
      followsAdvice: false,
      deviation: true,
      deviationReasons: ['LOWER_LEVEL'],
    });
  });

  it('flags another offer than advised', () => {
    expect(assessDecision(input({ level: 'HIGH', offerId: OFFER_B }, JUSTIFIED)).deviationReasons).toEqual([
      'OTHER_OFFER',
    ]);
  });

  it('flags both a lower level and another offer', () => {
    expect(assessDecision(input({ level: 'LIGHT', offerId: OFFER_B }, JUSTIFIED)).deviationReasons).toEqual([
      'LOWER_LEVEL',
      'OTHER_OFFER',
    ]);
  });

  it('does not call a higher level than advised a deviation', () => {
    const moderateAdvice = {
      ...input({ level: 'HIGH', offerId: OFFER_A }),
      advice: { level: 'MODERATE' as const, offerId: OFFER_A },
    };
    expect(assessDecision(moderateAdvice).deviation).toBe(false);
  });

  it('has nothing to follow when no advice was given, and needs no justification', () => {
    expect(assessDecision({ ...input({ level: 'LIGHT', offerId: OFFER_B }), advice: undefined })).toEqual({
      followsAdvice: null,
      deviation: false,
      deviationReasons: [],
    });
  });

  it('rejects a decision below the advised level without justification', () => {
    expect(() => assessDecision(input({ level: 'MODERATE', offerId: OFFER_A }))).toThrow(
      DeviationJustificationRequiredError,
    );
  });

  it('rejects a justification shorter than the minimum once trimmed', () => {
    const padded = `   ${'x'.repeat(19)}        `;
    expect(() => assessDecision(input({ level: 'HIGH', offerId: OFFER_B }, padded))).toThrow(
      expect.objectContaining({
        code: 'DEVIATION_JUSTIFICATION_REQUIRED',
        kind: 'validation',
        minLength: 20,
        pointers: ['/justification'],
      }),
    );
    expect(assessDecision(input({ level: 'HIGH', offerId: OFFER_B }, 'x'.repeat(20))).deviation).toBe(true);
  });

  it('never accepts a blank justification, even with a minimum of 0', () => {
    expect(() =>
      assessDecision({ ...input({ level: 'HIGH', offerId: OFFER_B }, '   '), minJustificationLength: 0 }),
    ).toThrow(DeviationJustificationRequiredError);
  });
});

describe('compareWithAdvice (advice that arrives after an urgent decision)', () => {
  it('flags a lower level without asking for a justification nobody could have given', () => {
    expect(compareWithAdvice({ level: 'HIGH', offerId: 'a' }, { level: 'MODERATE', offerId: 'a' })).toEqual({
      followsAdvice: false,
      deviation: true,
      deviationReasons: ['LOWER_LEVEL'],
    });
  });

  it('says nothing about follows-advice when there is no advice', () => {
    expect(compareWithAdvice(undefined, { level: 'HIGH', offerId: 'a' }).followsAdvice).toBeNull();
  });
});
