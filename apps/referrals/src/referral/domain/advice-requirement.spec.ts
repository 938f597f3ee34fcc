import { responsibilityOn, type ResponsibilityChange } from '@platform/domain';
import { assessAdviceRequirement, type AdviceRequirementInput } from './advice-requirement';

const municipal = () => 'MUNICIPAL' as const;
const base: AdviceRequirementInput = {
  assessedLevel: 'MODERATE',
  caseworkerDoubt: false,
  targetGroup: 'AUTISM',
  referralDate: '2026-06-30',
  responsibility: municipal,
};

describe('advice requirement (forpligtende visitation)', () => {
  it('does not require advice for a moderate level, no doubt and municipal responsibility', () => {
    expect(assessAdviceRequirement(base)).toEqual({ required: false, reasons: [] });
  });

  it('requires advice when the assessed level is HIGH', () => {
    expect(assessAdviceRequirement({ ...base, assessedLevel: 'HIGH' })).toEqual({
      required: true,
      reasons: ['HIGH_LEVEL'],
    });
  });

  it('requires advice when the case worker is in doubt', () => {
    expect(assessAdviceRequirement({ ...base, caseworkerDoubt: true })).toEqual({
      required: true,
      reasons: ['CASEWORKER_DOUBT'],
    });
  });

  it('requires advice when the target group is under regional responsibility', () => {
    expect(assessAdviceRequirement({ ...base, responsibility: () => 'REGIONAL' })).toEqual({
      required: true,
      reasons: ['REGIONAL_RESPONSIBILITY'],
    });
  });

  it('gives every reason that applies, in a fixed order', () => {
    const all = {
      ...base,
      assessedLevel: 'HIGH' as const,
      caseworkerDoubt: true,
      responsibility: () => 'REGIONAL' as const,
    };
    expect(assessAdviceRequirement(all).reasons).toEqual([
      'HIGH_LEVEL',
      'CASEWORKER_DOUBT',
      'REGIONAL_RESPONSIBILITY',
    ]);
  });

  it('asks for responsibility of the referral’s target group on the referral date', () => {
    const lookup = jest.fn(municipal);
    assessAdviceRequirement({ ...base, responsibility: lookup });
    expect(lookup).toHaveBeenCalledWith('AUTISM', '2026-06-30');
  });

  it('requires advice from the effective date of a change to REGIONAL, not the day before', () => {
    const changes: ResponsibilityChange[] = [
      { targetGroup: 'AUTISM', responsibility: 'REGIONAL', effectiveFrom: '2026-07-01' },
    ];
    const responsibility = (group: string, date: string) => responsibilityOn(changes, group, date);
    expect(assessAdviceRequirement({ ...base, referralDate: '2026-06-30', responsibility }).required).toBe(
      false,
    );
    expect(assessAdviceRequirement({ ...base, referralDate: '2026-07-01', responsibility }).reasons).toEqual([
      'REGIONAL_RESPONSIBILITY',
    ]);
  });
});
