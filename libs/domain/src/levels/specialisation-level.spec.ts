import {
  compareLevels,
  isLowerLevel,
  isSpecialisationLevel,
  SPECIALISATION_LEVELS,
  type SpecialisationLevel,
} from './specialisation-level';

describe('specialisation levels', () => {
  it('orders GENERAL < LIGHT < MODERATE < HIGH', () => {
    const shuffled: SpecialisationLevel[] = ['HIGH', 'GENERAL', 'MODERATE', 'LIGHT'];
    expect([...shuffled].sort(compareLevels)).toEqual([...SPECIALISATION_LEVELS]);
  });

  it('calls MODERATE lower than HIGH, but not HIGH lower than MODERATE nor a level lower than itself', () => {
    expect(isLowerLevel('MODERATE', 'HIGH')).toBe(true);
    expect(isLowerLevel('HIGH', 'MODERATE')).toBe(false);
    expect(isLowerLevel('LIGHT', 'LIGHT')).toBe(false);
    expect(compareLevels('LIGHT', 'LIGHT')).toBe(0);
  });

  it('recognises only the four level codes', () => {
    expect(isSpecialisationLevel('HIGH')).toBe(true);
    expect(isSpecialisationLevel('high')).toBe(false);
    expect(isSpecialisationLevel('VERY_HIGH')).toBe(false);
    expect(isSpecialisationLevel(3)).toBe(false);
  });

  it('refuses to rank an unknown level instead of sorting it first', () => {
    expect(() => compareLevels('EXTREME' as SpecialisationLevel, 'HIGH')).toThrow(RangeError);
  });
});
