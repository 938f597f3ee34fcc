import { ProblemException } from '@platform/http';
import { checkIfMatch, versionEtag } from './if-match';

const statusOf = (fn: () => void): number | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as ProblemException).problem.status;
  }
};

describe('If-Match', () => {
  it('is required on a change (428 without it)', () => {
    expect(statusOf(() => checkIfMatch(versionEtag(3), undefined, 'referral'))).toBe(428);
  });

  it('names the same version whether sent weak or strong, against a weak or a strong ETag', () => {
    for (const current of ['W/"3"', '"3"']) {
      for (const sent of ['W/"3"', '"3"', '"2", W/"3"']) {
        expect(statusOf(() => checkIfMatch(current, sent, 'offer'))).toBeUndefined();
      }
    }
  });

  it('is 412 for another version', () => {
    expect(statusOf(() => checkIfMatch('"3"', 'W/"2"', 'offer'))).toBe(412);
  });
});
