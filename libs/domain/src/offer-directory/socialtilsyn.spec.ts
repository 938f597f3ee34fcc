import { UnknownMunicipalityError } from '../geography/geography.errors';
import { findLegalBasis } from '../legal/legal-basis';
import { OFFER_LEGAL_BASIS_CODES } from './offer-legal-bases';
import { MUNICIPALITIES } from '../geography/municipalities.data';
import { SOCIALTILSYN, socialtilsynOf } from './socialtilsyn';

describe('the Socialtilsyn that supervises an address (lov om socialtilsyn § 2)', () => {
  it('is the Socialtilsyn of the 2007 region the municipality lies in', () => {
    expect(socialtilsynOf('851').code).toBe('SOCIALTILSYN_NORD'); // Aalborg
    expect(socialtilsynOf('751').code).toBe('SOCIALTILSYN_MIDT'); // Aarhus
    expect(socialtilsynOf('461').code).toBe('SOCIALTILSYN_SYD'); // Odense
    expect(socialtilsynOf('101').code).toBe('SOCIALTILSYN_HOVEDSTADEN'); // København
    expect(socialtilsynOf('265').code).toBe('SOCIALTILSYN_OEST'); // Roskilde
  });

  it('keeps Hovedstaden and Øst apart after the 2027 merger of their regions', () => {
    expect(socialtilsynOf('400').name).toBe('Socialtilsyn Hovedstaden'); // Bornholm
    expect(socialtilsynOf('259').name).toBe('Socialtilsyn Øst'); // Køge
  });

  it('accepts the 4-digit municipality code', () => {
    expect(socialtilsynOf('0851').code).toBe('SOCIALTILSYN_NORD');
  });

  it('covers every municipality, and each Socialtilsyn supervises its own host municipality', () => {
    for (const m of MUNICIPALITIES) expect(SOCIALTILSYN).toContain(socialtilsynOf(m.code));
    for (const s of SOCIALTILSYN) expect(socialtilsynOf(s.hostMunicipalityCode)).toBe(s);
  });

  it('refuses a code that names no municipality', () => {
    expect(() => socialtilsynOf('999')).toThrow(UnknownMunicipalityError);
  });
});

describe('the legal bases of offers', () => {
  it('are legal bases the platform knows, each with its reference', () => {
    for (const code of OFFER_LEGAL_BASIS_CODES) expect(findLegalBasis(code)?.reference).toMatch(/§/);
    expect(findLegalBasis('SEL_108')?.reference).toBe('Serviceloven § 108');
    expect(findLegalBasis('SEL_66_1_5')?.reference).toBe('Serviceloven § 66, stk. 1, nr. 5');
  });

  it('say where a Barnets-lov paragraph is not confirmed', () => {
    expect(findLegalBasis('BL_43')?.note).toMatch(/not confirmed/);
    expect(findLegalBasis('SEL_32')?.note).toMatch(/not confirmed/);
  });
});
