import {
  hasOrgCode,
  isOwnOrganisation,
  requireOrgType,
  scopeFor,
  type Principal,
  type Tenant,
} from '@platform/auth';
import type { ReferralFilter } from './referral.repository';

/** A referral becomes visible to the operator of an offer when it is sent there. */
const OPERATOR_VISIBLE_STATUSES = ['SENT_TO_OFFER', 'ACCEPTED', 'REJECTED', 'PLACEMENT_ACTIVE', 'ENDED'];
/** …and the citizen's identity only once the operator has accepted. */
const CITIZEN_VISIBLE_TO_OPERATOR = ['ACCEPTED', 'PLACEMENT_ACTIVE', 'ENDED'];

/**
 * Tenant scope of referrals (ARCHITECTURE.md, Access), applied to every query so that a referral outside it is
 * simply not found (404: its existence is not revealed). The organisation rules come from @platform/auth; this
 * file only says which referral columns they concern.
 */

/** Matches no referral: what a kind of organisation without a rule sees. A new object per call, never shared. */
const nothing = (): ReferralFilter => ({ id: { in: [] } });

const ownReferrals = ({ orgCode }: Tenant): ReferralFilter => ({ municipalityCode: orgCode });
const sentToOwnOffers = ({ orgCode }: Tenant): ReferralFilter => ({
  operatorOrgCode: orgCode,
  status: { in: OPERATOR_VISIBLE_STATUSES },
});

/** The referring municipality's own referrals: what its case workers may change. */
export function municipalScope(principal: Principal): ReferralFilter {
  return scopeFor(principal, { municipality: ownReferrals }, nothing());
}

/** Referrals sent to the caller's offers: what an operator (a region, or a municipality running an offer) may act on. */
export function operatorScope(principal: Principal): ReferralFilter {
  return scopeFor(principal, { municipality: sentToOwnOffers, region: sentToOwnOffers }, nothing());
}

/** What the caller may read: own referrals and those sent to its offers. The state reads statistics only. */
export function referralScope(principal: Principal): ReferralFilter {
  requireOrgType(
    principal,
    ['municipality', 'region'],
    'the state sees pseudonymised statistics, not single referrals',
  );
  return scopeFor(
    principal,
    {
      municipality: (tenant) => ({ OR: [ownReferrals(tenant), sentToOwnOffers(tenant)] }),
      region: sentToOwnOffers,
    },
    nothing(),
  );
}

/** The referring municipality, or the operator once it has accepted, may see the citizen's identity. */
export function maySeeCitizen(
  principal: Principal,
  referral: { municipalityCode: string; operatorOrgCode: string | null; status: string },
): boolean {
  if (isOwnOrganisation(principal, 'municipality', referral.municipalityCode)) return true;
  return (
    hasOrgCode(principal, referral.operatorOrgCode) && CITIZEN_VISIBLE_TO_OPERATOR.includes(referral.status)
  );
}
