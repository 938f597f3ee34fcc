import { findLegalBasis, isLegalBasisCode, LEGAL_BASES } from './legal-basis';

describe('legal bases', () => {
  it('names the refusion provisions for adults and for children', () => {
    expect(findLegalBasis('SEL_176')).toMatchObject({ reference: 'Serviceloven § 176', appliesTo: 'ADULT' });
    expect(findLegalBasis('BL_198')).toMatchObject({
      reference: 'Barnets lov § 198',
      appliesTo: 'CHILD',
      validFrom: '2024-01-01',
    });
  });

  it('ends SEL § 176 a when L 197 repealed it', () => {
    expect(findLegalBasis('SEL_176A')?.validTo).toBe('2021-01-01');
  });

  it('has unique codes and recognises only them', () => {
    expect(new Set(LEGAL_BASES.map((b) => b.code)).size).toBe(LEGAL_BASES.length);
    expect(isLegalBasisCode('SEL_186')).toBe(true);
    expect(isLegalBasisCode('SEL_999')).toBe(false);
  });
});
