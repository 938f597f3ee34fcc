/** The schemas the console shows, from the services' OpenAPI documents (generated; see api/generated). */
import type { components as Audit } from './generated/audit';
import type { components as Financing } from './generated/financing';
import type { components as Knowledge } from './generated/knowledge';
import type { components as Referrals } from './generated/referrals';
import type { components as Planning } from './generated/specialty-planning';

export type Referral = Referrals['schemas']['ReferralView'];
export type ReferralPage = Referrals['schemas']['ReferralPage'];
export type Offer = Planning['schemas']['OfferView'];
export type OfferPage = Planning['schemas']['OfferPage'];
export type OfferOccupancyHistory = Planning['schemas']['OfferOccupancyHistory'];
export type SpecialtyFunction = Planning['schemas']['SpecialtyFunctionView'];
export type SpecialtyFunctionPage = Planning['schemas']['SpecialtyFunctionPage'];
export type FunctionApplication = Planning['schemas']['FunctionApplicationView'];
export type FunctionApplicationPage = Planning['schemas']['FunctionApplicationPage'];
export type PlanSummary = Planning['schemas']['SpecialtyPlanSummary'];
export type PlanPage = Planning['schemas']['SpecialtyPlanPage'];
export type Plan = Planning['schemas']['SpecialtyPlanView'];
export type TargetGroupList = Planning['schemas']['TargetGroupList'];
export type AdviceCase = Knowledge['schemas']['AdviceCaseView'];
export type AdviceCasePage = Knowledge['schemas']['AdviceCasePage'];
export type ClaimList = Financing['schemas']['RefusionClaimList'];
export type Claim = Financing['schemas']['RefusionClaimView'];
export type WhatIf = Financing['schemas']['RefusionWhatIf'];
export type InvoiceList = Financing['schemas']['CoFinancingInvoiceList'];
export type BlockGrantList = Financing['schemas']['BlockGrantList'];
export type AuditPage = Audit['schemas']['AuditLedgerPage'];
export type AuditVerification = Audit['schemas']['AuditLedgerVerification'];

export const TARGET_GROUPS: readonly Referral['targetGroup'][] = [
  'MULTIPLE_FUNCTIONAL_IMPAIRMENTS',
  'COMPLEX_COMMUNICATION',
  'MENTAL_ILLNESS_SUBSTANCE_ABUSE',
  'INTELLECTUAL_DISABILITY_BEHAVIOUR',
  'YOUTH_SECURE_INSTITUTIONS',
  'CHILDREN_COMPLEX_DIFFICULTIES',
  'ACQUIRED_BRAIN_INJURY',
  'EATING_DISORDERS',
  'AUTISM',
  'VISION',
  'HEARING',
];
export const LEVELS: readonly Referral['assessedLevel'][] = ['GENERAL', 'LIGHT', 'MODERATE', 'HIGH'];
export const REFERRAL_STATUSES: readonly Referral['status'][] = [
  'DRAFT',
  'SUBMITTED',
  'AWAITING_ADVICE',
  'READY_FOR_DECISION',
  'DECIDED',
  'SENT_TO_OFFER',
  'ACCEPTED',
  'REJECTED',
  'PLACEMENT_ACTIVE',
  'ENDED',
  'WITHDRAWN',
];
export type RuleSetList = Financing['schemas']['RuleSetList'];
export type NeedsAnalysisPage = Planning['schemas']['NeedsAnalysisPage'];
export type NeedsAnalysis = Planning['schemas']['NeedsAnalysisView'];
export type KnowledgeMetrics = Knowledge['schemas']['KnowledgeMetrics'];
export type MunicipalityDeviationMetrics = Knowledge['schemas']['MunicipalityDeviationMetrics'];
export type CitizenAccessLog = Audit['schemas']['CitizenAccessLog'];
