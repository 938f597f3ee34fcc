import { regionsOn } from './geography';
import { UnknownRegionError } from './geography.errors';
import { NEAREST_REGIONS } from './nearest-regions.data';
import { nearestRegions, successorRegion } from './nearest-regions';

describe('nearest regions (data)', () => {
  it.each(['2007-01-01', '2026-12-31', '2027-01-01', '2040-06-01'])(
    'lists, on %s, every other existing region exactly once for every existing region',
    (day) => {
      const codes = regionsOn(day).map((r) => r.code);
      for (const code of codes) {
        const nearest = nearestRegions(code, day);
        expect([...nearest].sort()).toEqual(codes.filter((c) => c !== code).sort());
      }
    },
  );

  it('has no overlapping periods for a region', () => {
    for (const row of NEAREST_REGIONS) {
      const overlapping = NEAREST_REGIONS.filter(
        (other) =>
          other !== row &&
          other.regionCode === row.regionCode &&
          other.validFrom < (row.validTo ?? '9999-12-31') &&
          row.validFrom < (other.validTo ?? '9999-12-31'),
      );
      expect(overlapping).toEqual([]);
    }
  });

  it('sends Hovedstaden to Sjælland first, and Østdanmark to Syddanmark first after the merger', () => {
    expect(nearestRegions('1084', '2026-12-31')[0]).toBe('1085');
    expect(nearestRegions('1085', '2026-12-31')[0]).toBe('1084');
    expect(nearestRegions('1086', '2027-01-01')).toEqual(['1083', '1082', '1081']);
    expect(nearestRegions('1081', '2027-01-01')).toEqual(['1082', '1083', '1086']);
  });

  it('gives nothing for a region on a date it does not exist, and refuses an unknown code', () => {
    expect(nearestRegions('1084', '2027-01-01')).toEqual([]);
    expect(nearestRegions('1086', '2026-12-31')).toEqual([]);
    expect(() => nearestRegions('1099', '2026-01-01')).toThrow(UnknownRegionError);
  });
});

describe('successorRegion', () => {
  it('is the region itself while it exists', () => {
    expect(successorRegion('1084', '2026-12-31')?.code).toBe('1084');
    expect(successorRegion('1082', '2027-01-01')?.code).toBe('1082');
  });

  it('is Østdanmark for Hovedstaden and Sjælland from 2027', () => {
    expect(successorRegion('1084', '2027-01-01')?.code).toBe('1086');
    expect(successorRegion('1085', '2030-05-05')?.code).toBe('1086');
  });

  it('is undefined for Østdanmark before it exists: its municipalities were in two regions', () => {
    expect(successorRegion('1086', '2026-12-31')).toBeUndefined();
  });
});
