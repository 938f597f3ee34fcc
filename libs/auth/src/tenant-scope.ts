import { ForbiddenError } from '@platform/domain';
import type { OrgType, Principal } from './principal';

/**
 * Organisation-level scope (tenant scope), the rules every service applies before it looks at a record: a
 * caller acts for one organisation (myndighed), a municipality, a region or the state, and sees what that
 * organisation may see. Independent of any database: services turn a Tenant into their own query filters.
 */

/** The organisation a caller acts for. */
export interface Tenant {
  orgType: OrgType;
  /** `101` for a municipality, `1084` for a region, `state` for the state. */
  orgCode: string;
}

export function tenantOf(principal: Principal): Tenant {
  return { orgType: principal.orgType, orgCode: principal.orgCode };
}

/** True when the caller acts for exactly this organisation (kind and code). */
export function isOwnOrganisation(principal: Principal, orgType: OrgType, orgCode: string): boolean {
  return principal.orgType === orgType && principal.orgCode === orgCode;
}

/**
 * True when the caller's organisation has this code, whatever its kind. Codes never collide across kinds
 * (municipalities 101–860, regions 1081–1086, `state`), so a code alone names an organisation: for records that
 * store only a code, such as the operator of an offer, which may be a region or a municipality.
 */
export function hasOrgCode(principal: Principal, orgCode: string | null | undefined): boolean {
  return typeof orgCode === 'string' && principal.orgCode === orgCode;
}

/** The caller's kind of organisation may not do this at all (403, whatever record it concerns). */
export class OrgTypeForbiddenError extends ForbiddenError {
  constructor(
    readonly orgType: OrgType,
    readonly allowed: readonly OrgType[],
    reason = `a ${orgType} may not do this; only: ${allowed.join(', ')}`,
  ) {
    // The code is the shared `forbidden` problem type, as for the guard's own refusals.
    super('FORBIDDEN', reason);
  }
}

/** Throws OrgTypeForbiddenError unless the caller acts for one of the allowed kinds of organisation. */
export function requireOrgType(principal: Principal, allowed: readonly OrgType[], reason?: string): void {
  if (!allowed.includes(principal.orgType))
    throw new OrgTypeForbiddenError(principal.orgType, allowed, reason);
}

/** What a caller of each kind of organisation may see, as a scope of the service's own making. */
export type ScopeRules<S> = Partial<Record<OrgType, (tenant: Tenant) => S>>;

/**
 * Builds the caller's scope from the rule for its kind of organisation. A kind without a rule gets `none`,
 * which must match nothing: scope is closed unless a rule opens it, so a new kind of organisation sees nothing
 * until someone decides what it may see.
 */
export function scopeFor<S>(principal: Principal, rules: ScopeRules<S>, none: S): S {
  const rule = rules[principal.orgType];
  return rule ? rule(tenantOf(principal)) : none;
}
