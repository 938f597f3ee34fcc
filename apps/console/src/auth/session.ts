/** Who is signed in, as the access token says: the organisation and the roles decide what the console offers. */
export type OrgType = 'municipality' | 'region' | 'state';
export type Role = 'caseworker' | 'advisor' | 'planner' | 'finance' | 'auditor';
const ROLES: readonly Role[] = ['caseworker', 'advisor', 'planner', 'finance', 'auditor'];

export interface Session {
  name: string;
  orgType: OrgType;
  orgCode: string;
  roles: Role[];
}

/** The payload of a JWT, unverified: for display and navigation only; the services verify every call. */
export function tokenClaims(token: string): Record<string, unknown> {
  const part = token.split('.')[1] ?? '';
  const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

export function sessionFromToken(accessToken: string): Session {
  const claims = tokenClaims(accessToken);
  const realmRoles = ((claims.realm_access as { roles?: string[] } | undefined)?.roles ?? []).filter(
    (r): r is Role => (ROLES as readonly string[]).includes(r),
  );
  const orgType = claims.org_type;
  if (orgType !== 'municipality' && orgType !== 'region' && orgType !== 'state') {
    throw new Error('the token names no organisation');
  }
  return {
    name: String(claims.name ?? claims.preferred_username ?? ''),
    orgType,
    orgCode: String(claims.org_code ?? ''),
    roles: realmRoles,
  };
}

export const hasRole = (session: Session, orgType: OrgType, role: Role) =>
  session.orgType === orgType && session.roles.includes(role);
