import {
  assessAdviceRequirement,
  responsibilityOn,
  type AdviceRequirementInput,
  type ResponsibilityChange,
} from './advice-requirement';

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

describe('responsibility on a date', () => {
  const changes: ResponsibilityChange[] = [
    { targetGroup: 'VISION', responsibility: 'MUNICIPAL', effectiveFrom: '2029-01-01' },
    { targetGroup: 'VISION', responsibility: 'REGIONAL', effectiveFrom: '2027-01-01' },
    { targetGroup: 'AUTISM', responsibility: 'REGIONAL', effectiveFrom: '2026-01-01' },
  ];

  it('is MUNICIPAL when the group has no change', () => {
    expect(responsibilityOn(changes, 'HEARING', '2030-01-01')).toBe('MUNICIPAL');
    expect(responsibilityOn([], 'VISION', '2030-01-01')).toBe('MUNICIPAL');
  });

  it('is MUNICIPAL the day before a change and REGIONAL on its effective date', () => {
    expect(responsibilityOn(changes, 'VISION', '2026-12-31')).toBe('MUNICIPAL');
    expect(responsibilityOn(changes, 'VISION', '2027-01-01')).toBe('REGIONAL');
  });

  it('takes the latest change on or before the date, whatever the list order', () => {
    expect(responsibilityOn(changes, 'VISION', '2028-12-31')).toBe('REGIONAL');
    expect(responsibilityOn(changes, 'VISION', '2029-01-01')).toBe('MUNICIPAL');
  });

  it('ignores changes of other target groups', () => {
    expect(responsibilityOn(changes, 'AUTISM', '2026-12-31')).toBe('REGIONAL');
    expect(responsibilityOn(changes, 'VISION', '2026-06-01')).toBe('MUNICIPAL');
  });

  it('lets a later correction with the same effective date win', () => {
    const corrected: ResponsibilityChange[] = [
      { targetGroup: 'AUTISM', responsibility: 'REGIONAL', effectiveFrom: '2027-01-01' },
      { targetGroup: 'AUTISM', responsibility: 'MUNICIPAL', effectiveFrom: '2027-01-01' },
    ];
    expect(responsibilityOn(corrected, 'AUTISM', '2027-06-01')).toBe('MUNICIPAL');
  });

  it('refuses a date that is not a calendar date', () => {
    expect(() => responsibilityOn(changes, 'VISION', '2027-02-30')).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE' }),
    );
  });
});
