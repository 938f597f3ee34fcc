import { assertIsoDate, isWithin } from '../time/calendar-date';
import { NoRegionOnDateError, UnknownMunicipalityError, UnknownRegionError } from './geography.errors';
import type { Municipality, Region } from './geography.types';
import { MUNICIPALITIES } from './municipalities.data';
import { REGION_MEMBERSHIPS } from './region-memberships.data';
import { REGIONS } from './regions.data';

const municipalityByCode = new Map(MUNICIPALITIES.map((m) => [m.code, m]));
const regionByCode = new Map(REGIONS.map((r) => [r.code, r]));

/** Both code forms are in use ('101' in CPR, '0101' in DAWA), so both are accepted. */
function normaliseMunicipalityCode(code: string): string | undefined {
  if (typeof code !== 'string') return undefined;
  const trimmed = code.trim();
  if (/^\d{3}$/.test(trimmed)) return trimmed;
  if (/^0\d{3}$/.test(trimmed)) return trimmed.slice(1);
  return undefined;
}

/** The municipality with code '101' or '0101'; undefined when there is none. */
export function findMunicipality(code: string): Municipality | undefined {
  const normalised = normaliseMunicipalityCode(code);
  return normalised === undefined ? undefined : municipalityByCode.get(normalised);
}

export function isMunicipalityCode(code: string): boolean {
  return findMunicipality(code) !== undefined;
}

export function findRegion(code: string): Region | undefined {
  return typeof code === 'string' ? regionByCode.get(code.trim()) : undefined;
}

/** The regions that exist on a date: five until 2026-12-31, four from 2027-01-01. */
export function regionsOn(date: string): Region[] {
  assertIsoDate(date);
  return REGIONS.filter((r) => isWithin(date, r.validFrom, r.validTo));
}

/**
 * The region a municipality belonged to on a date, so a case dated 2026 stays with Hovedstaden and one
 * dated 2027 goes to Østdanmark. Throws for an unknown municipality or a date outside every period.
 */
export function regionOfMunicipality(municipalityCode: string, on: string): Region {
  const municipality = findMunicipality(municipalityCode);
  if (!municipality) throw new UnknownMunicipalityError(municipalityCode);
  assertIsoDate(on);
  const membership = REGION_MEMBERSHIPS.find(
    (m) => m.municipalityCode === municipality.code && isWithin(on, m.validFrom, m.validTo),
  );
  const region = membership && regionByCode.get(membership.regionCode);
  if (!region) throw new NoRegionOnDateError(municipality.code, on);
  return region;
}

/** The municipalities of a region on a date, in code order; empty when the region did not exist then. */
export function municipalitiesOfRegion(regionCode: string, on: string): Municipality[] {
  if (!findRegion(regionCode)) throw new UnknownRegionError(regionCode);
  assertIsoDate(on);
  return REGION_MEMBERSHIPS.filter((m) => m.regionCode === regionCode && isWithin(on, m.validFrom, m.validTo))
    .map((m) => municipalityByCode.get(m.municipalityCode))
    .filter((m): m is Municipality => m !== undefined)
    .sort((a, b) => a.code.localeCompare(b.code));
}
