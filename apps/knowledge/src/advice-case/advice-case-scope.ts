import { hasRole, type Principal } from '@platform/auth';
import { CaseAccessForbiddenError } from './domain/advice-case.errors';
import type { AdviceCaseFilter, AdviceCaseRow } from './advice-case.repository';

/**
 * Which advice cases a caller may see or answer, as a database filter for lists and a test for one loaded row,
 * so both say the same. Outside it a case is not found (404): its existence is not revealed.
 */
export interface CaseScope {
  where: AdviceCaseFilter;
  includes(row: AdviceCaseRow): boolean;
}

const everything: CaseScope = { where: {}, includes: () => true };

const union = (scopes: CaseScope[]): CaseScope => ({
  where: { OR: scopes.map((s) => s.where) },
  includes: (row) => scopes.some((s) => s.includes(row)),
});

/** The municipality's own cases: advice on its referrals and its cases in doubt. */
const ownMunicipality = (code: string): CaseScope => ({
  where: { municipalityCode: code },
  includes: (row) => row.municipalityCode === code,
});

/**
 * The cases an advisor answers: a region's advisors those assigned to a function in the region (on the case's
 * date) or run by it; a municipality running an advisory function its own; the state's advisors the national ones.
 */
export function answerScope(principal: Principal): CaseScope {
  const { orgType, orgCode } = principal;
  if (!hasRole(principal, 'advisor')) throw new CaseAccessForbiddenError('only advisors answer advice cases');
  if (orgType === 'region') {
    return {
      where: { OR: [{ regionCode: orgCode }, { advisorOrgType: 'region', advisorOrgCode: orgCode }] },
      includes: (row) =>
        row.regionCode === orgCode || (row.advisorOrgType === 'region' && row.advisorOrgCode === orgCode),
    };
  }
  return {
    where: { advisorOrgType: orgType, advisorOrgCode: orgCode },
    includes: (row) => row.advisorOrgType === orgType && row.advisorOrgCode === orgCode,
  };
}

/**
 * What a caller may read: advisors the cases they answer, a municipality's case workers its own cases, the state
 * every case (pseudonymised: cases never hold a CPR number). A region's case workers and planners see none.
 */
export function readScope(principal: Principal): CaseScope {
  if (principal.orgType === 'state') return everything;
  const scopes: CaseScope[] = [];
  if (principal.orgType === 'municipality' && hasRole(principal, 'caseworker'))
    scopes.push(ownMunicipality(principal.orgCode));
  if (hasRole(principal, 'advisor')) scopes.push(answerScope(principal));
  if (scopes.length === 0)
    throw new CaseAccessForbiddenError(
      "advice cases are read by advisors, the referring municipality's case workers and the state",
    );
  return scopes.length === 1 ? scopes[0] : union(scopes);
}

/** What the service itself may change (events, schedules): any case. */
export const serviceScope: CaseScope = everything;
