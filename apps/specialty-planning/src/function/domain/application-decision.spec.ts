import { decideApplication } from './application-decision';
import { ApplicationDecidedError } from './function.errors';

describe('deciding a function application', () => {
  it('approves or rejects a pending application', () => {
    expect(decideApplication('PENDING', 'approve')).toBe('APPROVED');
    expect(decideApplication('PENDING', 'reject')).toBe('REJECTED');
  });

  it('refuses to decide a decided application again (409)', () => {
    expect(() => decideApplication('APPROVED', 'reject')).toThrow(ApplicationDecidedError);
    expect(() => decideApplication('REJECTED', 'approve')).toThrow(ApplicationDecidedError);
    expect(new ApplicationDecidedError('APPROVED').kind).toBe('conflict');
  });
});
