import { addDays, assertIsoDate, isWithin } from '../time/calendar-date';
import { findRegion, municipalitiesOfRegion, regionOfMunicipality, regionsOn } from './geography';
import { UnknownRegionError } from './geography.errors';
import type { Region } from './geography.types';
import { NEAREST_REGIONS } from './nearest-regions.data';

/**
 * The other regions of a date, nearest first (NEAREST_REGIONS). Empty when the region does not exist on that
 * date (a case dated 2027 is placed by its municipality's region of 2027 first: regionOfMunicipality).
 */
export function nearestRegions(regionCode: string, on: string): string[] {
  if (!findRegion(regionCode)) throw new UnknownRegionError(regionCode);
  assertIsoDate(on);
  const row = NEAREST_REGIONS.find(
    (r) => r.regionCode === regionCode && isWithin(on, r.validFrom, r.validTo),
  );
  return row ? [...row.nearest] : [];
}

/**
 * The region that holds, on a date, what a region held: the region itself while it exists, else the region its
 * municipalities then belong to (Hovedstaden's in 2027: Østdanmark). Undefined when they are spread over
 * several regions or none, so a caller never guesses. For records that name a region by code only, such as
 * the operator of an offer approved before a merger.
 */
export function successorRegion(regionCode: string, on: string): Region | undefined {
  const region = findRegion(regionCode);
  if (!region) throw new UnknownRegionError(regionCode);
  assertIsoDate(on);
  if (regionsOn(on).some((r) => r.code === regionCode)) return region;
  // Its members on its last day (after it ended) or its first (before it began), placed on the date asked.
  const memberDay = region.validTo && on >= region.validTo ? addDays(region.validTo, -1) : region.validFrom;
  const members = municipalitiesOfRegion(regionCode, memberDay);
  const successors = new Set(members.map((m) => tryRegionOf(m.code, on)?.code));
  if (successors.size !== 1 || successors.has(undefined)) return undefined;
  return findRegion([...successors][0] as string);
}

function tryRegionOf(municipalityCode: string, on: string): Region | undefined {
  try {
    return regionOfMunicipality(municipalityCode, on);
  } catch {
    return undefined;
  }
}
