import { InvalidDateError } from '../errors/domain-error';
import {
  findMunicipality,
  findRegion,
  isMunicipalityCode,
  municipalitiesOfRegion,
  regionOfMunicipality,
  regionsOn,
} from './geography';
import { NoRegionOnDateError, UnknownMunicipalityError } from './geography.errors';
import { MUNICIPALITIES } from './municipalities.data';
import { REGION_MEMBERSHIPS } from './region-memberships.data';
import { REGIONS } from './regions.data';

const codesOf = (regionCode: string, on: string) => municipalitiesOfRegion(regionCode, on).map((m) => m.code);

describe('municipalities', () => {
  it('has exactly 98 municipalities with unique codes in both forms', () => {
    expect(MUNICIPALITIES).toHaveLength(98);
    expect(new Set(MUNICIPALITIES.map((m) => m.code)).size).toBe(98);
    for (const m of MUNICIPALITIES) expect(m.code4).toBe(m.code.padStart(4, '0'));
  });

  it('finds a municipality by the 3-digit or the 4-digit code', () => {
    expect(findMunicipality('101')?.name).toBe('København');
    expect(findMunicipality('0101')?.officialName).toBe('Københavns Kommune');
    expect(findMunicipality('400')?.officialName).toBe('Bornholms Regionskommune');
  });

  it('does not know Christiansø, malformed codes or codes that do not exist', () => {
    for (const code of ['411', '1101', '01', '999', 'abc', '']) expect(isMunicipalityCode(code)).toBe(false);
  });
});

describe('regions over time', () => {
  it('counts 11/19/22/29/17 municipalities in the five regions on 2026-12-31', () => {
    const counts = ['1081', '1082', '1083', '1084', '1085'].map((r) => codesOf(r, '2026-12-31').length);
    expect(counts).toEqual([11, 19, 22, 29, 17]);
  });

  it('has five regions on 2026-12-31 and four on 2027-01-01', () => {
    expect(regionsOn('2026-12-31').map((r) => r.code)).toEqual(['1081', '1082', '1083', '1084', '1085']);
    expect(regionsOn('2027-01-01').map((r) => r.code)).toEqual(['1081', '1082', '1083', '1086']);
  });

  it('puts København in Hovedstaden on 2026-12-31 and in Østdanmark on 2027-01-01', () => {
    expect(regionOfMunicipality('101', '2026-12-31').code).toBe('1084');
    expect(regionOfMunicipality('101', '2027-01-01')).toMatchObject({
      code: '1086',
      name: 'Region Østdanmark',
    });
  });

  it('keeps Aarhus in Midtjylland on both sides of the merger', () => {
    expect(regionOfMunicipality('751', '2026-12-31').code).toBe('1082');
    expect(regionOfMunicipality('0751', '2027-01-01').code).toBe('1082');
  });

  it('puts Bornholm in Hovedstaden and Roskilde in Sjælland before the merger', () => {
    expect(regionOfMunicipality('400', '2026-06-01').name).toBe('Region Hovedstaden');
    expect(regionOfMunicipality('265', '2026-06-01').name).toBe('Region Sjælland');
  });

  it('gives Østdanmark exactly the 46 municipalities of Hovedstaden and Sjælland', () => {
    const before = [...codesOf('1084', '2026-12-31'), ...codesOf('1085', '2026-12-31')].sort();
    expect(codesOf('1086', '2027-01-01')).toEqual(before);
    expect(before).toHaveLength(46);
    expect(codesOf('1084', '2027-01-01')).toEqual([]);
  });

  it('places every municipality in exactly one region on any day', () => {
    for (const day of ['2007-01-01', '2026-12-31', '2027-01-01', '2040-01-01']) {
      for (const m of MUNICIPALITIES) {
        const hits = REGION_MEMBERSHIPS.filter(
          (p) => p.municipalityCode === m.code && p.validFrom <= day && (!p.validTo || day < p.validTo),
        );
        expect(hits).toHaveLength(1);
      }
    }
  });

  it('marks the Østdanmark code as provisional and the five official ones as not', () => {
    expect(findRegion('1086')?.provisional).toBe(true);
    expect(REGIONS.filter((r) => r.provisional)).toHaveLength(1);
  });

  it('throws typed errors for an unknown municipality, a bad date and a date before 2007', () => {
    expect(() => regionOfMunicipality('999', '2026-01-01')).toThrow(UnknownMunicipalityError);
    expect(() => regionOfMunicipality('101', '2026-02-30')).toThrow(InvalidDateError);
    expect(() => regionOfMunicipality('101', '2006-12-31')).toThrow(NoRegionOnDateError);
  });
});
