import type { ReferralRow } from './referral.repository';

const date = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const instant = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * What the API returns for a referral. Never the CPR number: the citizen appears by pseudonym and age group;
 * the identity itself is a separate, audited read (GET /referrals/:id/citizen).
 */
export function toReferralView(r: ReferralRow) {
  return {
    id: r.id,
    status: r.status,
    municipalityCode: r.municipalityCode,
    citizen: { pseudonym: r.citizenPseudonym, ageGroup: r.ageGroup },
    targetGroup: r.targetGroup,
    assessedLevel: r.assessedLevel,
    referralDate: date(r.referralDate),
    caseworkerDoubt: r.caseworkerDoubt,
    urgent: r.urgent,
    urgentReason: r.urgentReason,
    advice: {
      required: r.adviceRequired,
      reasons: r.adviceReasons,
      dueAt: instant(r.adviceDueAt),
      overdue: r.adviceOverdue,
      given: r.adviceGivenAt
        ? {
            adviceCaseId: r.adviceCaseId,
            level: r.adviceLevel,
            offerId: r.adviceOfferId,
            rationale: r.adviceRationale,
            givenAt: instant(r.adviceGivenAt),
          }
        : null,
    },
    decision: r.decidedAt
      ? {
          offerId: r.decisionOfferId,
          level: r.decisionLevel,
          startDate: date(r.decisionStartDate),
          decidedAt: instant(r.decidedAt),
          decidedBeforeAdvice: r.decidedBeforeAdvice,
          followsAdvice: r.followsAdvice,
          deviation: r.deviation,
          deviationReasons: r.deviationReasons,
          deviationJustification: r.deviationJustification,
        }
      : null,
    operatorOrgCode: r.operatorOrgCode,
    rejection: r.rejectionReason ? { reason: r.rejectionReason, note: r.rejectionNote } : null,
    placement: r.placementStart ? { start: date(r.placementStart), end: date(r.placementEnd) } : null,
    withdrawnReason: r.withdrawnReason,
    version: r.version,
    createdAt: instant(r.createdAt),
    updatedAt: instant(r.updatedAt),
  };
}

export type ReferralView = ReturnType<typeof toReferralView>;

/** The ETag of a referral: a weak validator over its version. */
export function etagOf(r: Pick<ReferralRow, 'id' | 'version'>): string {
  return `W/"${r.version}"`;
}
