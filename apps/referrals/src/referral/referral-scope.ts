import type { Principal } from '@platform/auth';
import { ProblemException } from '@platform/http';
import type { ReferralFilter } from './referral.repository';

/** A referral becomes visible to the operator of an offer when it is sent there. */
const OPERATOR_VISIBLE_STATUSES = ['SENT_TO_OFFER', 'ACCEPTED', 'REJECTED', 'PLACEMENT_ACTIVE', 'ENDED'];
/** …and the citizen's identity only once the operator has accepted. */
const CITIZEN_VISIBLE_TO_OPERATOR = ['ACCEPTED', 'PLACEMENT_ACTIVE', 'ENDED'];

/**
 * Tenant scope of referrals (ARCHITECTURE.md, Access), applied to every query so that a referral outside it is
 * simply not found (404: its existence is not revealed).
 */

/** The referring municipality's own referrals: what its case workers may change. */
export function municipalScope(principal: Principal): ReferralFilter {
  if (principal.orgType !== 'municipality') return { id: { in: [] } };
  return { municipalityCode: principal.orgCode };
}

/** Referrals sent to the caller's offers: what an operator (a region, or a municipality running an offer) may act on. */
export function operatorScope(principal: Principal): ReferralFilter {
  if (principal.orgType === 'state') return { id: { in: [] } };
  return { operatorOrgCode: principal.orgCode, status: { in: OPERATOR_VISIBLE_STATUSES } };
}

/** What the caller may read: own referrals and those sent to its offers. The state reads statistics only. */
export function referralScope(principal: Principal): ReferralFilter {
  switch (principal.orgType) {
    case 'municipality':
      return { OR: [municipalScope(principal), operatorScope(principal)] };
    case 'region':
      return operatorScope(principal);
    case 'state':
      throw ProblemException.forbidden('the state sees pseudonymised statistics, not single referrals');
  }
}

/** The referring municipality, or the operator once it has accepted, may see the citizen's identity. */
export function maySeeCitizen(
  principal: Principal,
  referral: { municipalityCode: string; operatorOrgCode: string | null; status: string },
): boolean {
  if (principal.orgType === 'municipality' && principal.orgCode === referral.municipalityCode) return true;
  return (
    principal.orgCode === referral.operatorOrgCode && CITIZEN_VISIBLE_TO_OPERATOR.includes(referral.status)
  );
}
