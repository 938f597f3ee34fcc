import { isoInstantView, namedSchema, uuidView } from '@platform/http';
import { z } from 'zod';
import { oreView } from '../common/money-fields';
import { ELIGIBILITY_REASONS } from './domain/advice-condition';
import type { ClaimAggregate, ClaimRow } from './refusion.repository';

export const claimEtag = (a: ClaimAggregate) => `W/"${a.claim.revision}"`;

const monthSchema = z.object({
  month: z.number().int(),
  netExpenseOre: oreView,
  eligibleNetOre: oreView,
  refusionOre: oreView,
});
const reasonSchema = z.object({
  referralId: uuidView,
  eligible: z.boolean(),
  reason: z.enum([...ELIGIBILITY_REASONS, 'OVER_67_NOT_COVERED']),
});
const lineSchema = z.object({
  lineNo: z.number().int(),
  citizenPseudonyms: z.array(z.string()).meta({ description: 'More than one for a household of children' }),
  referralIds: z.array(uuidView),
  eligible: z.boolean(),
  reasons: z
    .array(reasonSchema)
    .meta({ description: 'Eligibility per referral under the rule set’s advice condition' }),
  netExpenseOre: oreView,
  eligibleExpenseOre: oreView,
  refusionOre: oreView,
  months: z.array(monthSchema),
  decision: z.enum(['APPROVED', 'REJECTED']).nullable(),
  decisionReason: z.string().nullable(),
});

const summary = {
  id: uuidView,
  municipalityCode: z.string(),
  year: z.number().int(),
  quarter: z.number().int(),
  ruleSetId: uuidView,
  status: z.enum(['SUBMITTED', 'DECIDED']),
  claimedOre: oreView.meta({ description: 'Year to date: the sum of the lines' }),
  approvedOre: oreView.nullable(),
  previouslyApprovedOre: oreView.meta({ description: 'What decisions on earlier quarters approved' }),
  settlementOre: oreView
    .nullable()
    .meta({ description: 'approved − previously approved: what this decision pays' }),
  submittedAt: isoInstantView,
  decidedAt: isoInstantView.nullable(),
};

export const claimSummarySchema = namedSchema('RefusionClaimSummary', z.object(summary));
export const claimViewSchema = namedSchema(
  'RefusionClaimView',
  z.object({ ...summary, households: z.array(z.array(uuidView)), lines: z.array(lineSchema) }),
);
export const claimListSchema = namedSchema(
  'RefusionClaimList',
  z.object({ items: z.array(claimSummarySchema) }),
);

export const whatIfSchema = namedSchema(
  'RefusionWhatIf',
  z.object({
    claimId: uuidView,
    ruleSets: z.object({
      a: z.object({ id: uuidView, name: z.string(), adviceCondition: z.string() }),
      b: z.object({ id: uuidView, name: z.string(), adviceCondition: z.string() }),
    }),
    lines: z.array(
      z.object({
        referralIds: z.array(uuidView),
        citizenPseudonyms: z.array(z.string()),
        a: z.object({ refusionOre: oreView, eligible: z.boolean(), reasons: z.array(reasonSchema) }),
        b: z.object({ refusionOre: oreView, eligible: z.boolean(), reasons: z.array(reasonSchema) }),
        differenceOre: oreView.meta({ description: 'b − a' }),
      }),
    ),
    totalA: oreView,
    totalB: oreView,
    differenceOre: oreView,
    kroner: z
      .object({ a: z.string(), b: z.string(), difference: z.string() })
      .meta({ description: 'The totals in Danish notation' }),
  }),
);

export function toClaimSummary(c: ClaimRow) {
  return {
    id: c.id,
    municipalityCode: c.municipalityCode,
    year: c.year,
    quarter: c.quarter,
    ruleSetId: c.ruleSetId,
    status: c.status,
    claimedOre: c.claimedOre,
    approvedOre: c.approvedOre,
    previouslyApprovedOre: c.previouslyApprovedOre,
    settlementOre: c.approvedOre === null ? null : c.approvedOre - c.previouslyApprovedOre,
    submittedAt: c.submittedAt.toISOString(),
    decidedAt: c.decidedAt ? c.decidedAt.toISOString() : null,
  };
}

export function toClaimView(a: ClaimAggregate) {
  return { ...toClaimSummary(a.claim), households: a.claim.households, lines: a.lines };
}

export const CLAIM_EXAMPLE = {
  id: '0d5a3a9e-8f7c-4b6a-9e2d-1c0b9a8f7e6d',
  municipalityCode: '751',
  year: 2026,
  quarter: 4,
  ruleSetId: '5b0c7c1e-1f59-4d0e-9a51-0c6f3c8b1a10',
  status: 'SUBMITTED',
  claimedOre: 71_000_000,
  approvedOre: null,
  previouslyApprovedOre: 53_250_000,
  settlementOre: null,
  submittedAt: '2027-01-20T10:00:00.000Z',
  decidedAt: null,
};
