import { findTargetGroup, isTargetGroupCode, TARGET_GROUPS } from './target-group';

describe('target groups', () => {
  it('finds a group by our code or by its FFB code', () => {
    expect(findTargetGroup('VISION')?.nameDa).toBe('Synsnedsættelse');
    expect(findTargetGroup('615310e8-f702-4455-910b-9d6d8aa684fb')?.code).toBe('VISION');
    expect(findTargetGroup('9B3FD322-A75A-4ED8-9B74-425FA1E01C95')?.code).toBe('AUTISM');
    expect(findTargetGroup(' autism ')?.code).toBe('AUTISM');
  });

  it('finds nothing for an FFB concept we have no group for, or an unknown code', () => {
    expect(findTargetGroup('97c355cc-84e3-46d0-ac1b-00bc627d089f')).toBeUndefined(); // Udviklingshæmning alone
    expect(findTargetGroup('NOT_A_GROUP')).toBeUndefined();
  });

  it('gives no FFB code to the combined groups that FFB has no single concept for', () => {
    expect(findTargetGroup('MENTAL_ILLNESS_SUBSTANCE_ABUSE')?.ffbCode).toBeUndefined();
  });

  it('never maps two groups to the same FFB code, so an FFB code is unambiguous', () => {
    const ffb = TARGET_GROUPS.flatMap((g) => (g.ffbCode ? [g.ffbCode] : []));
    expect(new Set(ffb).size).toBe(ffb.length);
  });

  it('recognises only exact platform codes as codes', () => {
    expect(isTargetGroupCode('ACQUIRED_BRAIN_INJURY')).toBe(true);
    expect(isTargetGroupCode('vision')).toBe(false);
    expect(isTargetGroupCode('615310e8-f702-4455-910b-9d6d8aa684fb')).toBe(false);
  });
});
