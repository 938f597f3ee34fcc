import { isoDateView, isoInstantView, namedSchema, uuidView } from '@platform/http';
import { z } from 'zod';
import { oreView } from '../common/money-fields';
import { ADVICE_CONDITIONS } from '../refusion/domain/advice-condition';
import type { RuleSetRow } from './rule-set.repository';

export const ruleSetViewSchema = namedSchema(
  'RuleSetView',
  z.object({
    id: uuidView,
    year: z.number().int(),
    version: z.number().int(),
    name: z.string(),
    status: z
      .enum(['DRAFT', 'IN_FORCE'])
      .meta({ description: 'IN_FORCE is immutable; correct with a new version' }),
    effectiveFrom: isoDateView,
    legalBasis: z.string(),
    bands: z.array(z.object({ thresholdOre: oreView, percentBp: z.number().int() })),
    adviceCondition: z.enum(ADVICE_CONDITIONS),
    coFinancing: z.array(z.object({ fromMonth: z.number().int(), sharePercentBp: z.number().int() })),
    knowledgeOverheadBp: z.number().int().meta({ description: 'Basis points: 250 = 2.5 %' }),
    adviceDeadlineWorkingDays: z.number().int(),
    createdAt: isoInstantView,
    inForceAt: isoInstantView.nullable(),
  }),
);

export const ruleSetListSchema = namedSchema('RuleSetList', z.object({ items: z.array(ruleSetViewSchema) }));

export const RULE_SET_EXAMPLE = {
  id: '5b0c7c1e-1f59-4d0e-9a51-0c6f3c8b1a10',
  year: 2026,
  version: 1,
  name: 'Gældende lov 2026 (2022-niveau)',
  status: 'IN_FORCE',
  effectiveFrom: '2026-01-01',
  legalBasis: 'SEL § 176 / Barnets lov § 198',
  bands: [
    { thresholdOre: 86_000_000, percentBp: 2500 },
    { thresholdOre: 168_000_000, percentBp: 5000 },
    { thresholdOre: 212_000_000, percentBp: 7500 },
  ],
  adviceCondition: 'NONE',
  coFinancing: [{ fromMonth: 1, sharePercentBp: 1000 }],
  knowledgeOverheadBp: 200,
  adviceDeadlineWorkingDays: 10,
  createdAt: '2025-12-01T09:00:00.000Z',
  inForceAt: '2025-12-15T09:00:00.000Z',
};

export const ruleSetEtag = (r: RuleSetRow) => `W/"${r.status === 'IN_FORCE' ? 2 : 1}"`;

export function toRuleSetView(r: RuleSetRow) {
  return {
    ...r,
    createdAt: r.createdAt.toISOString(),
    inForceAt: r.inForceAt ? r.inForceAt.toISOString() : null,
  };
}
