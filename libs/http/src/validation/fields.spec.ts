import { findTargetGroup } from '@platform/domain';
import { calendarDate, flagInput, targetGroupInput } from './fields';
import { pathUuid } from './path-uuid';
import { ProblemException } from '../problem/problem';

const VISION_FFB = findTargetGroup('VISION')!.ffbCode!;

describe('the shared input fields', () => {
  it('take a calendar date that exists and refuse one that does not', () => {
    expect(calendarDate.safeParse('2024-02-29').success).toBe(true);
    expect(calendarDate.safeParse('2026-02-30').error?.issues[0].message).toBe(
      'must be a real calendar date YYYY-MM-DD',
    );
  });

  it('read a target group by our code or its FFB code as our code', () => {
    expect(targetGroupInput.parse('VISION')).toBe('VISION');
    expect(targetGroupInput.parse(VISION_FFB)).toBe('VISION');
    expect(targetGroupInput.safeParse('NOT_A_GROUP').error?.issues[0].message).toBe(
      'unknown target group (use a platform code or its FFB code)',
    );
  });

  it('read a yes/no query parameter as a boolean', () => {
    expect(flagInput.parse('true')).toBe(true);
    expect(flagInput.parse('false')).toBe(false);
    expect(flagInput.safeParse('yes').success).toBe(false);
  });
});

describe('a path id', () => {
  it('is a UUID in lower case, as PostgreSQL returns it', () => {
    expect(pathUuid('6F1C3A52-4E1B-4D59-9A51-1F0B7F0A2C11')).toBe('6f1c3a52-4e1b-4d59-9a51-1f0b7f0a2c11');
  });

  it('is a 400 naming the parameter otherwise', () => {
    try {
      pathUuid('1 OR 1=1', 'offerId');
      throw new Error('expected a ProblemException');
    } catch (error) {
      expect((error as ProblemException).problem.errors).toEqual([
        { pointer: 'path:offerId', detail: 'must be a UUID' },
      ]);
    }
  });
});
