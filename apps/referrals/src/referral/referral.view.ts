import { ADVICE_REASONS, DEVIATION_REASONS, REJECTION_REASONS } from '@platform/contracts';
import { AGE_GROUPS, SPECIALISATION_LEVELS, TARGET_GROUP_CODES } from '@platform/domain';
import { isoDateView, isoInstantView, namedSchema, uuidView } from '@platform/http';
import { versionEtag } from '@platform/kit';
import { z } from 'zod';
import { REFERRAL_STATUSES } from './domain/referral-status';
import type { ReferralRow } from './referral.repository';

function date(d: Date): string;
function date(d: Date | null): string | null;
function date(d: Date | null) {
  return d ? d.toISOString().slice(0, 10) : null;
}
function instant(d: Date): string;
function instant(d: Date | null): string | null;
function instant(d: Date | null) {
  return d ? d.toISOString() : null;
}

const level = z.enum(SPECIALISATION_LEVELS);

/**
 * What the API returns for a referral, and the single source of its TS type and its OpenAPI schema. Never the
 * CPR number: the citizen appears by pseudonym and age group; the identity itself is a separate, audited read
 * (GET /referrals/:id/citizen).
 */
export const referralViewSchema = namedSchema(
  'ReferralView',
  z
    .object({
      id: uuidView,
      status: z.enum(REFERRAL_STATUSES),
      municipalityCode: z.string().meta({ description: 'The referring municipality', example: '101' }),
      citizen: z.object({
        pseudonym: z.string().meta({ description: 'HMAC-SHA-256 of the CPR number' }),
        ageGroup: z.enum(AGE_GROUPS),
      }),
      targetGroup: z.enum(TARGET_GROUP_CODES),
      assessedLevel: level,
      referralDate: isoDateView,
      caseworkerDoubt: z.boolean(),
      urgent: z.boolean(),
      urgentReason: z.string().nullable(),
      advice: z.object({
        required: z.boolean().nullable().meta({ description: 'Known from submission on' }),
        reasons: z.array(z.enum(ADVICE_REASONS)),
        dueAt: isoInstantView.nullable(),
        overdue: z.boolean(),
        given: z
          .object({
            adviceCaseId: uuidView.nullable(),
            level: level.nullable(),
            offerId: uuidView.nullable(),
            rationale: z.string().nullable(),
            givenAt: isoInstantView.nullable(),
          })
          .nullable(),
      }),
      decision: z
        .object({
          offerId: uuidView.nullable(),
          level: level.nullable(),
          startDate: isoDateView.nullable(),
          decidedAt: isoInstantView.nullable(),
          decidedBeforeAdvice: z.boolean(),
          followsAdvice: z.boolean().nullable(),
          deviation: z.boolean(),
          deviationReasons: z.array(z.enum(DEVIATION_REASONS)),
          deviationJustification: z.string().nullable(),
        })
        .nullable(),
      operatorOrgCode: z.string().nullable().meta({ description: "The offer's operator, once sent" }),
      rejection: z.object({ reason: z.enum(REJECTION_REASONS), note: z.string().nullable() }).nullable(),
      placement: z.object({ start: isoDateView.nullable(), end: isoDateView.nullable() }).nullable(),
      withdrawnReason: z.string().nullable(),
      version: z.number().int().meta({ description: 'Bumped on every change; the ETag is W/"<version>"' }),
      createdAt: isoInstantView,
      updatedAt: isoInstantView,
    })
    .meta({ description: 'A referral (visitationssag) as the caller may see it' }),
);

export type ReferralView = z.infer<typeof referralViewSchema>;

/** A page of referrals, newest first; pass `nextCursor` as `cursor` for the next page (null: no more). */
export const referralPageSchema = namedSchema(
  'ReferralPage',
  z.object({ items: z.array(referralViewSchema), nextCursor: z.string().nullable() }),
);

export type ReferralPage = z.infer<typeof referralPageSchema>;

/** The answer of the audited identity read (GET /referrals/:id/citizen). */
export const citizenIdentitySchema = namedSchema(
  'CitizenIdentity',
  z.object({
    cpr: z.string().meta({ description: 'The CPR number, 10 digits' }),
    pseudonym: z.string(),
    ageGroup: z.enum(AGE_GROUPS),
  }),
);

// The row's text columns only ever hold values the commands wrote from these enums, so the view narrows them.
type View = ReferralView;
type Decision = NonNullable<View['decision']>;
type Given = NonNullable<View['advice']['given']>;

export function toReferralView(r: ReferralRow): ReferralView {
  return {
    id: r.id,
    status: r.status as View['status'],
    municipalityCode: r.municipalityCode,
    citizen: { pseudonym: r.citizenPseudonym, ageGroup: r.ageGroup as View['citizen']['ageGroup'] },
    targetGroup: r.targetGroup as View['targetGroup'],
    assessedLevel: r.assessedLevel as View['assessedLevel'],
    referralDate: date(r.referralDate),
    caseworkerDoubt: r.caseworkerDoubt,
    urgent: r.urgent,
    urgentReason: r.urgentReason,
    advice: {
      required: r.adviceRequired,
      reasons: r.adviceReasons as View['advice']['reasons'],
      dueAt: instant(r.adviceDueAt),
      overdue: r.adviceOverdue,
      given: r.adviceGivenAt
        ? {
            adviceCaseId: r.adviceCaseId,
            level: r.adviceLevel as Given['level'],
            offerId: r.adviceOfferId,
            rationale: r.adviceRationale,
            givenAt: instant(r.adviceGivenAt),
          }
        : null,
    },
    decision: r.decidedAt
      ? {
          offerId: r.decisionOfferId,
          level: r.decisionLevel as Decision['level'],
          startDate: date(r.decisionStartDate),
          decidedAt: instant(r.decidedAt),
          decidedBeforeAdvice: r.decidedBeforeAdvice,
          followsAdvice: r.followsAdvice,
          deviation: r.deviation,
          deviationReasons: r.deviationReasons as Decision['deviationReasons'],
          deviationJustification: r.deviationJustification,
        }
      : null,
    operatorOrgCode: r.operatorOrgCode,
    rejection: r.rejectionReason
      ? { reason: r.rejectionReason as NonNullable<View['rejection']>['reason'], note: r.rejectionNote }
      : null,
    placement: r.placementStart ? { start: date(r.placementStart), end: date(r.placementEnd) } : null,
    withdrawnReason: r.withdrawnReason,
    version: r.version,
    createdAt: instant(r.createdAt),
    updatedAt: instant(r.updatedAt),
  };
}

/** The ETag of a referral: a weak validator over its version. */
export const etagOf = (r: Pick<ReferralRow, 'version'>): string => versionEtag(r.version);
