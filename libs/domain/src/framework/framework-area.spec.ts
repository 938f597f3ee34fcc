import { MUNICIPALITIES } from '../geography/municipalities.data';
import {
  findFrameworkArea,
  FRAMEWORK_AREAS,
  frameworkAreaOfMunicipality,
  frameworkAreasOn,
  municipalitiesOfFrameworkArea,
  municipalitiesOfFrameworkAreaDuring,
} from './framework-area';

const codes = (areas: { code: string }[]) => areas.map((a) => a.code);

describe('framework-agreement areas (rammeaftaleområder) over time', () => {
  it('has one area per region: five on 2026-12-31, four on 2027-01-01', () => {
    expect(codes(frameworkAreasOn('2026-12-31'))).toEqual([
      'RA-1081',
      'RA-1082',
      'RA-1083',
      'RA-1084',
      'RA-1085',
    ]);
    expect(codes(frameworkAreasOn('2027-01-01'))).toEqual(['RA-1081', 'RA-1082', 'RA-1083', 'RA-1086']);
  });

  it('merges Hovedstaden and Sjælland into Østdanmark on 2027-01-01 without rewriting 2026', () => {
    const east = findFrameworkArea('RA-1086')!;
    expect(east).toMatchObject({
      validFrom: '2027-01-01',
      provisional: true,
      predecessorCodes: ['RA-1084', 'RA-1085'],
    });
    expect(findFrameworkArea('RA-1084')).toMatchObject({ validTo: '2027-01-01', successorCode: 'RA-1086' });
    expect(findFrameworkArea('RA-1085')).toMatchObject({ validTo: '2027-01-01', successorCode: 'RA-1086' });
    expect(findFrameworkArea('RA-1082')).toMatchObject({ predecessorCodes: [] });
    expect(findFrameworkArea('RA-1082')!.successorCode).toBeUndefined();
  });

  it('keeps an agreement dated 2026 with the area of 1084; in 2027 the area is Østdanmark’s', () => {
    expect(frameworkAreaOfMunicipality('101', '2026-06-30')?.code).toBe('RA-1084');
    expect(frameworkAreaOfMunicipality('101', '2026-12-31')?.code).toBe('RA-1084');
    expect(frameworkAreaOfMunicipality('101', '2027-01-01')?.code).toBe('RA-1086');
    expect(frameworkAreaOfMunicipality('0259', '2026-12-31')?.code).toBe('RA-1085');
    expect(frameworkAreaOfMunicipality('259', '2027-01-01')?.code).toBe('RA-1086');
    expect(frameworkAreaOfMunicipality('751', '2027-01-01')?.code).toBe('RA-1082');
  });

  it('gives Østdanmark exactly the 46 municipalities of its two predecessors', () => {
    const before = [
      ...municipalitiesOfFrameworkArea('RA-1084', '2026-12-31'),
      ...municipalitiesOfFrameworkArea('RA-1085', '2026-12-31'),
    ].map((m) => m.code);
    const after = municipalitiesOfFrameworkArea('RA-1086', '2027-01-01').map((m) => m.code);
    expect(after).toHaveLength(46);
    expect([...before].sort()).toEqual(after);
    expect(municipalitiesOfFrameworkArea('RA-1084', '2027-01-01')).toEqual([]);
  });

  it('puts every municipality in exactly one area on any date', () => {
    for (const date of ['2007-01-01', '2026-12-31', '2027-01-01', '2040-05-05']) {
      const all = frameworkAreasOn(date).flatMap((a) => municipalitiesOfFrameworkArea(a.code, date));
      expect(all).toHaveLength(MUNICIPALITIES.length);
    }
  });

  it('counts the municipalities of an area during a period only while the area exists', () => {
    expect(municipalitiesOfFrameworkAreaDuring('RA-1084', '2026-01-01', '2029-12-31')).toHaveLength(29);
    expect(municipalitiesOfFrameworkAreaDuring('RA-1084', '2027-01-01', '2029-12-31')).toEqual([]);
    expect(municipalitiesOfFrameworkAreaDuring('RA-1086', '2026-01-01', '2026-12-31')).toEqual([]);
    expect(municipalitiesOfFrameworkAreaDuring('RA-1082', '2026-01-01', '2026-12-31')).toHaveLength(19);
  });

  it('finds an area by its code or its region’s code, in any case', () => {
    expect(findFrameworkArea('ra-1082')?.regionCode).toBe('1082');
    expect(findFrameworkArea('1082')?.code).toBe('RA-1082');
    for (const code of ['RA-1080', 'RA-', '', 'x']) expect(findFrameworkArea(code)).toBeUndefined();
  });

  it('names each area and its social cooperation committee after its region', () => {
    expect(FRAMEWORK_AREAS.find((a) => a.code === 'RA-1082')).toMatchObject({
      nameDa: 'Rammeaftaleområde Region Midtjylland',
      committee: { nameDa: 'Socialt samarbejdsudvalg, Region Midtjylland' },
    });
  });
});
