import { compareDates, regionOfMunicipality, successorRegion, type IsoDate } from '@platform/domain';

export type OrgType = 'municipality' | 'region' | 'state';

/** An advisory function (rådgivningsfunktion) of the roster, with what its offer tells about where it is. */
export interface AdvisoryFunctionFacts {
  id: string;
  planningFunctionId: string | null;
  offerId: string;
  targetGroup: string;
  validFrom: IsoDate;
  /** The last day of validity (inclusive). */
  validTo: IsoDate;
  /** From the offer when knowledge has it, else from the approval. */
  operatorOrgType: OrgType | null;
  operatorOrgCode: string | null;
  /** The municipality of the offer's address, when the offer told. */
  municipalityCode: string | null;
  /** False when the offer was deactivated in the directory. */
  offerActive: boolean;
}

/** Where a function lies on a date: a region (whose advisors answer its cases) or nationally (the state's). */
export type FunctionPlace = { kind: 'region'; regionCode: string } | { kind: 'national' };

/** Codes never collide across kinds (ARCHITECTURE.md): 3 digits a municipality, 4 a region, `state` the state. */
export function orgTypeOfCode(code: string | null): OrgType | null {
  if (code === 'state') return 'state';
  if (code && /^\d{3}$/.test(code)) return 'municipality';
  if (code && /^\d{4}$/.test(code)) return 'region';
  return null;
}

/** The period [validFrom, validTo] holds the date: the last day counts (validTo is inclusive). */
export function isValidOn(fn: Pick<AdvisoryFunctionFacts, 'validFrom' | 'validTo'>, on: IsoDate): boolean {
  return compareDates(fn.validFrom, on) <= 0 && compareDates(on, fn.validTo) <= 0;
}

/** Active on a date: approved for it and its offer not closed. An expired function receives no new cases. */
export function isActiveOn(fn: AdvisoryFunctionFacts, on: IsoDate): boolean {
  return fn.offerActive && isValidOn(fn, on);
}

/**
 * The region a function lies in on a date, read from the offer's address first (the geography of the date, so an
 * offer in København is in Hovedstaden in 2026 and in Østdanmark in 2027), else from its operator. A function the
 * state operates is national. Undefined when nothing places it.
 */
export function placeOf(fn: AdvisoryFunctionFacts, on: IsoDate): FunctionPlace | undefined {
  const operatorType = fn.operatorOrgType ?? orgTypeOfCode(fn.operatorOrgCode);
  if (operatorType === 'state') return { kind: 'national' };
  const municipality = fn.municipalityCode ?? (operatorType === 'municipality' ? fn.operatorOrgCode : null);
  if (municipality) {
    const region = tryRegion(() => regionOfMunicipality(municipality, on).code);
    if (region) return { kind: 'region', regionCode: region };
  }
  if (operatorType === 'region' && fn.operatorOrgCode) {
    const region = tryRegion(() => successorRegion(fn.operatorOrgCode as string, on)?.code);
    if (region) return { kind: 'region', regionCode: region };
  }
  return undefined;
}

function tryRegion(find: () => string | undefined): string | undefined {
  try {
    return find();
  } catch {
    return undefined; // an unknown code places nothing; the function is then not a candidate
  }
}

/**
 * True when an organisation answers for a function on a date: its operator, or the region the function lies in
 * (a region's advisors answer for the functions in the region), or, for a national function, the state.
 */
export function answersFor(
  fn: AdvisoryFunctionFacts,
  on: IsoDate,
  org: { orgType: OrgType; orgCode: string },
): boolean {
  const operatorType = fn.operatorOrgType ?? orgTypeOfCode(fn.operatorOrgCode);
  if (operatorType === org.orgType && fn.operatorOrgCode === org.orgCode) return true;
  const place = placeOf(fn, on);
  if (place?.kind === 'national') return org.orgType === 'state';
  return org.orgType === 'region' && place?.regionCode === org.orgCode;
}
