import { hasRole, isOwnOrganisation, type Principal } from '@platform/auth';
import type { GuidelineRow, VersionRow } from './guideline.repository';

/** The organisation that wrote the guideline: its advisors change its drafts. */
export function isAuthor(principal: Principal, g: GuidelineRow): boolean {
  return (
    hasRole(principal, 'advisor') &&
    isOwnOrganisation(principal, g.authorOrgType as Principal['orgType'], g.authorOrgCode)
  );
}

/** Drafts are work in progress: the author and the state (which approves them) see them; everyone sees the rest. */
export function mayReadVersion(
  principal: Principal,
  g: GuidelineRow,
  v: Pick<VersionRow, 'status'>,
): boolean {
  return (
    v.status !== 'DRAFT' ||
    principal.orgType === 'state' ||
    isOwnOrganisation(principal, g.authorOrgType as Principal['orgType'], g.authorOrgCode)
  );
}
