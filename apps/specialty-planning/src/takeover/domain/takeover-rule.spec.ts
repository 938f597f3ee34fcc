import { decideTakeover, NotARegionalOfferError, TAKEOVER_REJECTION } from './takeover-rule';

describe('takeover of a regional offer (SEL § 186, abolished)', () => {
  it('is rejected at once with the reason that the right is abolished', () => {
    expect(decideTakeover({ id: 'o1', operatorOrgType: 'region' })).toEqual({
      status: 'REJECTED',
      reason: 'MUNICIPAL_TAKEOVER_ABOLISHED',
      legalBasis: 'SEL_186',
      message: {
        da: expect.stringContaining('afskaffet'),
        en: expect.stringContaining('municipal takeover of regional offers is abolished'),
      },
    });
    expect(Object.isFrozen(TAKEOVER_REJECTION)).toBe(true);
  });

  it('is not a takeover request at all for an offer a municipality operates', () => {
    expect(() => decideTakeover({ id: 'o2', operatorOrgType: 'municipality' })).toThrow(
      NotARegionalOfferError,
    );
  });
});
