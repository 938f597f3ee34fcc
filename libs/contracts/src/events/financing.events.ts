import { z } from 'zod';
import { TOPICS } from '../topics';
import { defineEvent } from './event-definition';
import { instant, isoDate, municipalityCode, orgCode, uuid } from './common.schema';

/**
 * The funding stream (financing.funding.v1) for national authorities: rule sets, rates and refusion, in integer
 * øre. Never per-citizen data: no pseudonym, no referral id, only totals and counts.
 */
const topic = TOPICS.funding;
const type = (name: string) => `dk.social.financing.${name}.v1`;
const ore = z.number().int().meta({ description: 'Amount in øre (1 kr = 100 øre)' });
const year = z.number().int().min(2000).max(2100);

export const ADVICE_CONDITION_VALUES = ['NONE', 'ADVICE_OBTAINED', 'ADVICE_FOLLOWED'] as const;

/** The state put a rule set (regelsæt) in force for a year; from now on it is immutable. */
export const RuleSetInForce = defineEvent(
  type('rule-set.in-force'),
  topic,
  z.strictObject({
    ruleSetId: uuid,
    year,
    version: z.number().int().positive(),
    effectiveFrom: isoDate,
    adviceCondition: z.enum(ADVICE_CONDITION_VALUES),
    bands: z
      .array(z.strictObject({ thresholdOre: ore, percentBp: z.number().int().min(0).max(10_000) }))
      .min(1),
    knowledgeOverheadBp: z.number().int().min(0).max(10_000),
  }),
);

/** An operator set an offer's rate (takst) for a year. */
export const RateSet = defineEvent(
  type('rate.set'),
  topic,
  z.strictObject({
    offerId: uuid,
    operatorOrgCode: orgCode,
    year,
    unit: z.enum(['DAY', 'MONTH']),
    amountOre: ore,
    knowledgeOverheadOre: ore,
    revision: z.number().int().positive(),
  }),
);

const claimRef = { claimId: uuid, municipalityCode, year, quarter: z.number().int().min(1).max(4) };

/** A municipality claimed refusion for a quarter, year to date (totals and counts only). */
export const RefusionClaimed = defineEvent(
  type('refusion.claimed'),
  topic,
  z.strictObject({
    ...claimRef,
    ruleSetId: uuid,
    lines: z.number().int().min(0),
    eligibleLines: z.number().int().min(0),
    claimedOre: ore,
    previouslyApprovedOre: ore,
    submittedAt: instant,
  }),
);

/** The state decided every line of a claim; `settlementOre` is what this decision pays beyond earlier quarters. */
export const RefusionDecided = defineEvent(
  type('refusion.decided'),
  topic,
  z.strictObject({
    ...claimRef,
    approvedLines: z.number().int().min(0),
    rejectedLines: z.number().int().min(0),
    claimedOre: ore,
    approvedOre: ore,
    settlementOre: ore,
    decidedAt: instant,
  }),
);

/**
 * The year-end settlement (restafregning) of a municipality's refusion: the final claim over the whole year against
 * what the decided quarters paid; `settlementOre` is the difference (negative: the municipality pays back).
 * Totals only.
 */
export const RefusionSettled = defineEvent(
  type('refusion.settled'),
  topic,
  z.strictObject({
    settlementId: uuid,
    municipalityCode,
    year,
    ruleSetId: uuid,
    lines: z.number().int().min(0),
    finalOre: ore,
    paidOre: ore,
    settlementOre: ore,
    settledAt: instant,
  }),
);

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month YYYY-MM');
const regionCode = z.string().regex(/^\d{4}$/, 'four-digit region code');

/** A month's cost per payer (municipality or region), from the cost lines: totals only. */
export const MonthlyCostTotals = defineEvent(
  type('cost.monthly-totals'),
  topic,
  z.strictObject({
    month,
    payerType: z.enum(['municipality', 'region']),
    payerCode: orgCode,
    placements: z.number().int().min(0),
    days: z.number().int().min(0),
    amountOre: ore,
    knowledgeOverheadOre: ore,
  }),
);

/** A region issued a month's co-financing invoices to a municipality (totals of the invoices issued now). */
export const CoFinancingInvoiced = defineEvent(
  type('co-financing.invoiced'),
  topic,
  z.strictObject({
    regionCode,
    municipalityCode,
    month,
    invoices: z.number().int().min(1),
    amountOre: ore,
    issuedAt: instant,
  }),
);

/** An invoice was paid (recorded by the issuing region) or disputed (by the municipality). */
export const CoFinancingSettled = defineEvent(
  type('co-financing.settled'),
  topic,
  z.strictObject({
    regionCode,
    municipalityCode,
    month,
    status: z.enum(['PAID', 'DISPUTED']),
    amountOre: ore,
    settledAt: instant,
  }),
);

/** The state allocated a year's block grant to the regions of that year by a key. */
export const BlockGrantAllocated = defineEvent(
  type('block-grant.allocated'),
  topic,
  z.strictObject({
    grantId: uuid,
    year,
    key: z.enum(['POPULATION', 'NEED']),
    totalOre: ore,
    allocations: z.array(z.strictObject({ regionCode, amountOre: ore })).min(1),
  }),
);

/** One monthly instalment of a region's block grant was paid. */
export const BlockGrantInstalmentPaid = defineEvent(
  type('block-grant.instalment-paid'),
  topic,
  z.strictObject({ grantId: uuid, year, month: z.number().int().min(1).max(12), regionCode, amountOre: ore }),
);

/** The state granted risk-willing capital (a grant or a loan) to establish an offer for a needs-analysis gap. */
export const RiskCapitalGranted = defineEvent(
  type('risk-capital.granted'),
  topic,
  z.strictObject({
    applicationId: uuid,
    regionCode,
    gapId: uuid,
    targetGroup: z.string().min(1).max(64),
    kind: z.enum(['GRANT', 'LOAN']),
    amountOre: ore,
    repayments: z.array(z.strictObject({ year, amountOre: ore })),
  }),
);

export const FINANCING_EVENTS = [
  RuleSetInForce,
  RateSet,
  MonthlyCostTotals,
  RefusionClaimed,
  RefusionDecided,
  RefusionSettled,
  CoFinancingInvoiced,
  CoFinancingSettled,
  BlockGrantAllocated,
  BlockGrantInstalmentPaid,
  RiskCapitalGranted,
] as const;
