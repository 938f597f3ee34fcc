import { NotFoundError } from '../errors/domain-error';
import { findMunicipality, municipalitiesOfRegion } from '../geography/geography';
import type { Municipality, Region } from '../geography/geography.types';
import { REGION_MEMBERSHIPS } from '../geography/region-memberships.data';
import { REGIONS } from '../geography/regions.data';
import { addDays, assertIsoDate, isWithin, type IsoDate } from '../time/calendar-date';

/**
 * Rammeaftaleområde (rule 10, SEL § 6): the geography of one framework agreement between a region and the
 * municipalities in it, with its social cooperation committee (socialt samarbejdsudvalg). One per region and
 * valid exactly as long as the region, so it is derived from REGIONS, never listed by hand: on 2027-01-01 the
 * areas of Hovedstaden (1084) and Sjælland (1085) end and Østdanmark's begins, and whatever is dated 2026 keeps
 * the area of 2026.
 */
export interface FrameworkArea {
  /** `RA-1084`: RA for rammeaftale, then the region's code. */
  code: string;
  regionCode: string;
  nameDa: string;
  nameEn: string;
  /** Inclusive. */
  validFrom: IsoDate;
  /** Exclusive; absent while the region exists. */
  validTo?: IsoDate;
  /** True while the region's code is provisional (Østdanmark), so the area's code is too. */
  provisional: boolean;
  /** Socialt samarbejdsudvalg: the regional council and the area's municipal councils (through KKR). */
  committee: { nameDa: string; nameEn: string };
  /** Areas whose municipalities passed to this one when it began (a merger). */
  predecessorCodes: string[];
  /** The area its municipalities passed to when it ended. */
  successorCode?: string;
}

const PREFIX = 'RA-';

export class UnknownFrameworkAreaError extends NotFoundError {
  constructor(code: string) {
    super('FRAMEWORK_AREA_UNKNOWN', `no framework-agreement area has code ${JSON.stringify(code)}`);
  }
}

/** Regions whose municipalities moved from `from` (ending) to `to` (beginning) on the day `to` began. */
function handsOver(from: Region, to: Region): boolean {
  if (from.validTo === undefined || from.validTo !== to.validFrom) return false;
  const lastDay = addDays(from.validTo, -1);
  const before = new Set(municipalitiesOfRegion(from.code, lastDay).map((m) => m.code));
  return municipalitiesOfRegion(to.code, to.validFrom).some((m) => before.has(m.code));
}

function areaOf(region: Region): FrameworkArea {
  const successor = REGIONS.find((r) => handsOver(region, r));
  return Object.freeze({
    code: `${PREFIX}${region.code}`,
    regionCode: region.code,
    nameDa: `Rammeaftaleområde ${region.name}`,
    nameEn: `Framework-agreement area of ${region.name}`,
    validFrom: region.validFrom,
    ...(region.validTo ? { validTo: region.validTo } : {}),
    provisional: region.provisional === true,
    committee: Object.freeze({
      nameDa: `Socialt samarbejdsudvalg, ${region.name}`,
      nameEn: `Social cooperation committee of ${region.name}`,
    }),
    predecessorCodes: REGIONS.filter((r) => handsOver(r, region)).map((r) => `${PREFIX}${r.code}`),
    ...(successor ? { successorCode: `${PREFIX}${successor.code}` } : {}),
  });
}

/** Every framework-agreement area there has been, in region-code order. */
export const FRAMEWORK_AREAS: readonly FrameworkArea[] = Object.freeze(REGIONS.map(areaOf));
const byCode = new Map(FRAMEWORK_AREAS.map((a) => [a.code, a]));

/** The area `RA-1084` (any case), or the area of region `1084`; undefined when there is none. */
export function findFrameworkArea(code: string): FrameworkArea | undefined {
  if (typeof code !== 'string') return undefined;
  const value = code.trim().toUpperCase();
  return byCode.get(value.startsWith(PREFIX) ? value : `${PREFIX}${value}`);
}

function areaOrThrow(code: string): FrameworkArea {
  const area = findFrameworkArea(code);
  if (!area) throw new UnknownFrameworkAreaError(code);
  return area;
}

/** The areas that exist on a date: five until 2026-12-31, four from 2027-01-01. */
export function frameworkAreasOn(date: IsoDate): FrameworkArea[] {
  assertIsoDate(date);
  return FRAMEWORK_AREAS.filter((a) => isWithin(date, a.validFrom, a.validTo));
}

export function isFrameworkAreaValidOn(area: FrameworkArea, date: IsoDate): boolean {
  return isWithin(date, area.validFrom, area.validTo);
}

/** The municipalities of an area on a date (those of its region then); empty outside its validity. */
export function municipalitiesOfFrameworkArea(code: string, on: IsoDate): Municipality[] {
  return municipalitiesOfRegion(areaOrThrow(code).regionCode, on);
}

/**
 * The municipalities that belonged to an area at any time in [from, to] (inclusive days): what a needs
 * analysis of the period counts, and who may be party to an agreement of an election period.
 */
export function municipalitiesOfFrameworkAreaDuring(
  code: string,
  from: IsoDate,
  to: IsoDate,
): Municipality[] {
  const area = areaOrThrow(code);
  assertIsoDate(from, 'from');
  assertIsoDate(to, 'to');
  const codes = new Set(
    REGION_MEMBERSHIPS.filter(
      (m) =>
        m.regionCode === area.regionCode &&
        m.validFrom <= to &&
        (m.validTo === undefined || from < m.validTo) &&
        area.validFrom <= to &&
        (area.validTo === undefined || from < area.validTo),
    ).map((m) => m.municipalityCode),
  );
  return [...codes]
    .map((c) => findMunicipality(c))
    .filter((m): m is Municipality => m !== undefined)
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** The area a municipality belonged to on a date: København is in RA-1084 in 2026 and in RA-1086 in 2027. */
export function frameworkAreaOfMunicipality(
  municipalityCode: string,
  on: IsoDate,
): FrameworkArea | undefined {
  const municipality = findMunicipality(municipalityCode);
  if (!municipality) return undefined;
  assertIsoDate(on);
  const membership = REGION_MEMBERSHIPS.find(
    (m) => m.municipalityCode === municipality.code && isWithin(on, m.validFrom, m.validTo),
  );
  return membership && findFrameworkArea(membership.regionCode);
}
