import {
  allowedPlanCommands,
  assertApprovable,
  effectiveVersionOn,
  nextPlanStatus,
  planPhaseOn,
  supersededBy,
  type ApprovedVersion,
} from './plan-version';
import { PlanTransitionError, PlanWithoutEntriesError } from './plan.errors';

const v1: ApprovedVersion = { id: 'v1', number: 1, effectiveFrom: '2026-01-01' };
const v2: ApprovedVersion = { id: 'v2', number: 2, effectiveFrom: '2027-01-01' };
const approved = [v1, v2];

describe('plan version transitions', () => {
  it('goes from draft to consultation to approved', () => {
    expect(nextPlanStatus('DRAFT', 'startConsultation')).toBe('CONSULTATION');
    expect(nextPlanStatus('CONSULTATION', 'approve')).toBe('APPROVED');
  });

  it('edits entries only in a draft', () => {
    expect(nextPlanStatus('DRAFT', 'editEntries')).toBe('DRAFT');
    expect(() => nextPlanStatus('CONSULTATION', 'editEntries')).toThrow(PlanTransitionError);
    expect(() => nextPlanStatus('APPROVED', 'editEntries')).toThrow(PlanTransitionError);
  });

  it('does not approve a draft that skipped consultation, nor approve twice', () => {
    expect(() => nextPlanStatus('DRAFT', 'approve')).toThrow(PlanTransitionError);
    expect(() => nextPlanStatus('APPROVED', 'approve')).toThrow(PlanTransitionError);
  });

  it('names the status and the allowed commands when refusing', () => {
    try {
      nextPlanStatus('CONSULTATION', 'startConsultation');
      fail('expected a refusal');
    } catch (error) {
      expect(error).toMatchObject({
        kind: 'conflict',
        details: { currentStatus: 'CONSULTATION', allowed: ['approve'] },
      });
    }
    expect(allowedPlanCommands('APPROVED')).toEqual([]);
  });

  it('refuses to approve a version without entries (409)', () => {
    expect(() => assertApprovable('CONSULTATION', 0)).toThrow(PlanWithoutEntriesError);
    expect(new PlanWithoutEntriesError().kind).toBe('conflict');
    expect(assertApprovable('CONSULTATION', 2)).toBe('APPROVED');
  });
});

describe('the version in force on a day', () => {
  it('is none before the first approved version takes effect', () => {
    expect(effectiveVersionOn(approved, '2025-12-31')).toBeUndefined();
  });

  it('is version 1 from its effective date until version 2 takes effect', () => {
    expect(effectiveVersionOn(approved, '2026-01-01')).toBe(v1);
    expect(effectiveVersionOn(approved, '2026-12-31')).toBe(v1);
    expect(effectiveVersionOn(approved, '2027-01-01')).toBe(v2);
  });

  it('is the later version when two take effect on the same day', () => {
    const v3 = { id: 'v3', number: 3, effectiveFrom: '2027-01-01' };
    expect(effectiveVersionOn([v1, v3, v2], '2027-06-01')).toBe(v3);
  });
});

describe('a version on a day', () => {
  const on = (plan: ApprovedVersion, status: 'DRAFT' | 'CONSULTATION' | 'APPROVED', day: string) =>
    planPhaseOn({ ...plan, status }, approved, day);

  it('is its stored status before approval', () => {
    expect(on({ id: 'd', number: 3, effectiveFrom: '2026-01-01' }, 'DRAFT', '2030-01-01')).toBe('DRAFT');
    expect(on({ id: 'c', number: 3, effectiveFrom: '2026-01-01' }, 'CONSULTATION', '2030-01-01')).toBe(
      'CONSULTATION',
    );
  });

  it('is approved but not effective before its date', () => {
    expect(on(v2, 'APPROVED', '2026-06-01')).toBe('APPROVED');
  });

  it('is effective from its date, and superseded once a later approved version takes effect', () => {
    expect(on(v1, 'APPROVED', '2026-06-01')).toBe('EFFECTIVE');
    expect(on(v1, 'APPROVED', '2027-01-01')).toBe('SUPERSEDED');
    expect(on(v2, 'APPROVED', '2027-01-01')).toBe('EFFECTIVE');
  });
});

describe('what an approval supersedes', () => {
  it("is the version in force on the new version's effective date", () => {
    expect(supersededBy(v2, [v1])).toBe(v1);
  });

  it('is nothing for the first version', () => {
    expect(supersededBy(v1, [])).toBeUndefined();
  });

  it('ignores versions that take effect after it, and itself', () => {
    const v3 = { id: 'v3', number: 3, effectiveFrom: '2026-06-01' };
    expect(supersededBy(v3, [v1, v2, v3])).toBe(v1);
  });
});
