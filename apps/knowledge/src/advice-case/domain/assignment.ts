import type { ASSIGNMENT_KINDS } from '@platform/contracts';
import { nearestRegions, regionOfMunicipality, type IsoDate } from '@platform/domain';
import {
  isActiveOn,
  orgTypeOfCode,
  placeOf,
  type AdvisoryFunctionFacts,
  type OrgType,
} from '../../environment/domain/advisory-function';

export type AssignmentKind = (typeof ASSIGNMENT_KINDS)[number];

/** Where a case lies: an advisory function and the organisation whose advisors answer it. */
export interface Assignment {
  kind: AssignmentKind;
  advisoryFunctionId: string | null;
  planningFunctionId: string | null;
  offerId: string | null;
  regionCode: string | null;
  advisorOrgType: OrgType;
  advisorOrgCode: string;
}

export interface AssignmentRequest {
  targetGroup: string;
  /** The referring municipality: its region on the case's date is the case's own region. */
  municipalityCode: string;
  on: IsoDate;
  functions: readonly AdvisoryFunctionFacts[];
  /** Functions that may not get the case (they declined it, or hold it now). */
  exclude?: readonly string[];
}

/**
 * The national function (den nationale rådgivningsfunktion, VISO under Social- og Boligstyrelsen) when no offer
 * holds one: the state's advisors answer.
 */
export const NATIONAL_ASSIGNMENT: Assignment = Object.freeze({
  kind: 'NATIONAL',
  advisoryFunctionId: null,
  planningFunctionId: null,
  offerId: null,
  regionCode: null,
  advisorOrgType: 'state',
  advisorOrgCode: 'state',
});

/**
 * Rule 3's assignment order: the approved advisory function for the target group in the citizen's region
 * (the referring municipality's region on the case's date), else in the nearest region holding one
 * (NEAREST_REGIONS in libs/domain), else the national function. Within a region the earliest approval wins,
 * then the offer id, so the same facts always give the same answer.
 */
export function assignAdviceCase(request: AssignmentRequest): Assignment {
  const candidates = placedCandidates(request);
  const home = regionOfMunicipality(request.municipalityCode, request.on).code;
  const inRegion = (code: string) => candidates.find((c) => c.regionCode === code);
  const own = inRegion(home);
  if (own) return toAssignment('OWN_REGION', own);
  for (const region of nearestRegions(home, request.on)) {
    const near = inRegion(region);
    if (near) return toAssignment('NEAREST_REGION', near);
  }
  const national = candidates.find((c) => c.regionCode === null);
  return national ? toAssignment('NATIONAL', national) : NATIONAL_ASSIGNMENT;
}

/** The functions that may take the case, each with the region it lies in on the date (null: national). */
export function placedCandidates(request: AssignmentRequest) {
  const excluded = new Set(request.exclude ?? []);
  return request.functions
    .filter((f) => f.targetGroup === request.targetGroup && !excluded.has(f.id) && isActiveOn(f, request.on))
    .flatMap((f) => {
      const place = placeOf(f, request.on);
      if (!place) return [];
      return [{ fn: f, regionCode: place.kind === 'region' ? place.regionCode : null }];
    })
    .sort((a, b) => a.fn.validFrom.localeCompare(b.fn.validFrom) || a.fn.offerId.localeCompare(b.fn.offerId));
}

function toAssignment(
  kind: AssignmentKind,
  { fn, regionCode }: { fn: AdvisoryFunctionFacts; regionCode: string | null },
): Assignment {
  const operatorType = fn.operatorOrgType ?? orgTypeOfCode(fn.operatorOrgCode);
  // A function known from a plan entry only (operator not yet told) is answered by the region it lies in.
  const advisor =
    operatorType && fn.operatorOrgCode
      ? { advisorOrgType: operatorType, advisorOrgCode: fn.operatorOrgCode }
      : regionCode
        ? { advisorOrgType: 'region' as const, advisorOrgCode: regionCode }
        : { advisorOrgType: 'state' as const, advisorOrgCode: 'state' };
  return {
    kind,
    advisoryFunctionId: fn.id,
    planningFunctionId: fn.planningFunctionId,
    offerId: fn.offerId,
    regionCode,
    ...advisor,
  };
}

/** The same assignment (a reassignment to it changes nothing). */
export function sameAssignment(a: Assignment, b: Assignment): boolean {
  return (
    a.advisoryFunctionId === b.advisoryFunctionId &&
    a.advisorOrgType === b.advisorOrgType &&
    a.advisorOrgCode === b.advisorOrgCode
  );
}
