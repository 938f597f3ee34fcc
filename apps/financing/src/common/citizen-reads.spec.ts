import { citizenReads } from './citizen-reads';

describe('the audit entries of a read of citizens', () => {
  const resource = { type: 'refusion-claim', id: 'c1' };

  it('is one allowed read per distinct pseudonym, households and repeated lines counted once', () => {
    const entries = citizenReads('refusion-claim.read', resource, ['p1', 'p2', 'p1', 'p3'], 'req-1');
    expect(entries).toEqual(
      ['p1', 'p2', 'p3'].map((citizenPseudonym) => ({
        action: 'refusion-claim.read',
        resource,
        citizenPseudonym,
        purpose: 'financing',
        outcome: 'ALLOWED',
        requestId: 'req-1',
      })),
    );
  });

  it('is nothing when the read showed no citizen', () => {
    expect(citizenReads('cost-line.list', resource, [], undefined)).toEqual([]);
  });
});
