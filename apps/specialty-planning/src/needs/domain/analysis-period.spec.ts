import { findFrameworkArea, type ValidationFailed } from '@platform/domain';
import { assertAnalysisPeriod } from './analysis-period';

const pointerOf = (code: string, from: string, to: string, today = '2026-11-26') => {
  try {
    assertAnalysisPeriod(findFrameworkArea(code)!, from, to, today);
    return null;
  } catch (e) {
    return (e as ValidationFailed).pointers[0];
  }
};

describe('the period of a needs analysis', () => {
  it('is a real span inside the area’s lifetime that has begun', () => {
    expect(pointerOf('RA-1082', '2026-01-01', '2026-11-26')).toBeNull();
    expect(pointerOf('RA-1082', '2026-05-01', '2026-04-30')).toBe('/to');
    expect(pointerOf('RA-1082', '2026-12-01', '2026-12-31')).toBe('/from');
    expect(pointerOf('RA-1082', '2010-01-01', '2026-01-01')).toBe('/to');
  });

  it('stays on its side of the merger of 2027-01-01', () => {
    expect(pointerOf('RA-1084', '2026-01-01', '2026-12-31', '2027-03-01')).toBeNull();
    expect(pointerOf('RA-1084', '2026-01-01', '2027-01-01', '2027-03-01')).toBe('/to');
    expect(pointerOf('RA-1086', '2026-12-01', '2027-02-01', '2027-03-01')).toBe('/from');
    expect(pointerOf('RA-1086', '2027-01-01', '2027-02-01', '2027-03-01')).toBeNull();
  });
});
