import {
  currentDraft,
  nextDraftNumber,
  publication,
  withdrawal,
  type VersionState,
} from './guideline-lifecycle';
import { DraftExistsError, GuidelineTransitionError } from './guideline.errors';

const v = (number: number, status: VersionState['status']): VersionState => ({
  id: `v${number}`,
  number,
  status,
});

describe('guideline version transitions', () => {
  it('publishes the draft; the first publication supersedes nothing', () => {
    expect(publication([v(1, 'DRAFT')])).toEqual({ publish: v(1, 'DRAFT'), supersede: undefined });
  });

  it('retires the published version when the next draft is published', () => {
    expect(publication([v(1, 'RETIRED'), v(2, 'PUBLISHED'), v(3, 'DRAFT')])).toEqual({
      publish: v(3, 'DRAFT'),
      supersede: v(2, 'PUBLISHED'),
    });
  });

  it('cannot publish without a draft', () => {
    expect(() => publication([v(1, 'PUBLISHED')])).toThrow(GuidelineTransitionError);
    expect(() => currentDraft([], 'change')).toThrow(/no draft version/);
  });

  it('allows one draft at a time, numbered after the highest version', () => {
    expect(nextDraftNumber([v(1, 'RETIRED'), v(2, 'PUBLISHED')])).toBe(3);
    expect(nextDraftNumber([])).toBe(1);
    expect(() => nextDraftNumber([v(1, 'PUBLISHED'), v(2, 'DRAFT')])).toThrow(DraftExistsError);
  });

  it('withdraws only a published version; retired stays retired', () => {
    expect(withdrawal([v(1, 'RETIRED'), v(2, 'PUBLISHED')])).toEqual(v(2, 'PUBLISHED'));
    expect(() => withdrawal([v(1, 'RETIRED'), v(2, 'DRAFT')])).toThrow(GuidelineTransitionError);
  });
});
