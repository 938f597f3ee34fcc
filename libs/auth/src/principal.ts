/** The organisation kinds of the platform; every token carries one (`org_type` claim + realm role). */
export const ORG_TYPES = ['municipality', 'region', 'state'] as const;
export type OrgType = (typeof ORG_TYPES)[number];

/** What a person or system may do inside its organisation (realm roles). */
export const FUNCTIONAL_ROLES = ['caseworker', 'advisor', 'planner', 'finance', 'auditor'] as const;
export type FunctionalRole = (typeof FUNCTIONAL_ROLES)[number];

/** Who is calling: derived from a verified Keycloak token, never from anything else in the request. */
export interface Principal {
  /** `sub` of the token: a user id or a service account's id. */
  subject: string;
  /** `azp`: the client the token was issued to (a municipal system's client id for service accounts). */
  clientId: string;
  orgType: OrgType;
  /** `101` for a municipality, `1084` for a region, `state` for the state. */
  orgCode: string;
  roles: FunctionalRole[];
  username?: string;
}

export function hasRole(principal: Principal, role: FunctionalRole): boolean {
  return principal.roles.includes(role);
}
