import type { Principal } from '@platform/auth';
import { answerScope, readScope } from './advice-case-scope';
import type { AdviceCaseRow } from './advice-case.repository';
import { CaseAccessForbiddenError } from './domain/advice-case.errors';

const who = (
  orgType: Principal['orgType'],
  orgCode: string,
  role: Principal['roles'][number],
): Principal => ({
  subject: 's',
  clientId: 'c',
  orgType,
  orgCode,
  roles: [role],
});

const row = (over: Partial<AdviceCaseRow>) =>
  ({
    municipalityCode: '101',
    regionCode: '1084',
    advisorOrgType: 'region',
    advisorOrgCode: '1084',
    ...over,
  }) as AdviceCaseRow;

describe('advice case scope', () => {
  it("lets a region's advisors see the cases of functions in their region, and no other region's", () => {
    const scope = readScope(who('region', '1084', 'advisor'));
    expect(scope.includes(row({}))).toBe(true);
    expect(scope.includes(row({ regionCode: '1082', advisorOrgCode: '1082' }))).toBe(false);
    // a function the region runs, placed in a merged region after 2027
    expect(scope.includes(row({ regionCode: '1086', advisorOrgCode: '1084' }))).toBe(true);
  });

  it('lets a municipality read its own cases only, and the state every case', () => {
    expect(readScope(who('municipality', '101', 'caseworker')).includes(row({}))).toBe(true);
    expect(readScope(who('municipality', '751', 'caseworker')).includes(row({}))).toBe(false);
    expect(readScope(who('state', 'state', 'auditor')).includes(row({ municipalityCode: '851' }))).toBe(true);
  });

  it("refuses a region's case workers and planners, and answers only for advisors", () => {
    expect(() => readScope(who('region', '1084', 'caseworker'))).toThrow(CaseAccessForbiddenError);
    expect(() => readScope(who('region', '1084', 'planner'))).toThrow(CaseAccessForbiddenError);
    expect(() => answerScope(who('municipality', '101', 'caseworker'))).toThrow(CaseAccessForbiddenError);
    expect(answerScope(who('state', 'state', 'advisor')).includes(row({}))).toBe(false);
    expect(
      answerScope(who('state', 'state', 'advisor')).includes(
        row({ regionCode: null, advisorOrgType: 'state', advisorOrgCode: 'state' }),
      ),
    ).toBe(true);
  });
});
