import { isResponsibility, responsibilityOn, type ResponsibilityChange } from './responsibility';

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

  it('refuses a date that is not a calendar date, also in a change', () => {
    expect(() => responsibilityOn(changes, 'VISION', '2027-02-30')).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE' }),
    );
    const broken = [
      { targetGroup: 'VISION', responsibility: 'REGIONAL' as const, effectiveFrom: '2027-1-1' },
    ];
    expect(() => responsibilityOn(broken, 'VISION', '2027-06-01')).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE' }),
    );
  });

  it('knows the two responsibilities', () => {
    expect(isResponsibility('REGIONAL')).toBe(true);
    expect(isResponsibility('STATE')).toBe(false);
  });
});
