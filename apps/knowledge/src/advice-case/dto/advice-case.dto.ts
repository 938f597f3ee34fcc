import { ASSIGNMENT_KINDS } from '@platform/contracts';
import { AGE_GROUPS, SPECIALISATION_LEVELS } from '@platform/domain';
import { flagInput, freeText, pageQuery } from '@platform/http';
import { z } from 'zod';
import { targetGroupInput } from '../../common/api-fields';
import { ADVICE_CASE_STATUSES } from '../domain/advice-case-lifecycle';

/**
 * Bodies of the advice case endpoints. Strict: unknown fields are refused. Free text refuses CPR numbers: a case
 * identifies its citizen by pseudonym only.
 */
export const openCaseSchema = z.strictObject({
  targetGroup: targetGroupInput.meta({
    description: 'Målgruppe: platform code or FFB code',
    example: 'VISION',
  }),
  question: freeText(4000, 10).meta({ description: 'What the municipality is in doubt about' }),
  ageGroup: z.enum(AGE_GROUPS).optional(),
  assessedLevel: z.enum(SPECIALISATION_LEVELS).optional(),
  referralId: z
    .uuid()
    .optional()
    .meta({ description: 'The referral, when there is one (one case per referral)' }),
  citizenPseudonym: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional()
    .meta({ description: "The citizen's pseudonym as the referral shows it; never the CPR number" }),
});

export const reassignSchema = z.strictObject({
  advisoryFunctionId: z
    .uuid()
    .optional()
    .meta({ description: 'The function to take the case; left out: the national function' }),
  reason: freeText(2000, 3),
});

export const declineSchema = z.strictObject({ reason: freeText(2000, 3) });

/** Rådgivning: the recommended level and offer (and offer type), why, and the guideline version it rests on. */
export const giveAdviceSchema = z.strictObject({
  level: z.enum(SPECIALISATION_LEVELS).meta({ description: 'Recommended level of specialisation' }),
  offerId: z.uuid().meta({ description: 'Recommended offer' }),
  offerType: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/)
    .optional()
    .meta({ description: 'Recommended offer type (tilbudstype), e.g. an FFB code' }),
  rationale: freeText(4000, 10),
  guidelineVersionId: z.uuid().optional().meta({
    description: "The published guideline version the advice rests on (for the case's target group)",
  }),
});

export const listCasesQuery = z.strictObject({
  ...pageQuery,
  status: z.enum(ADVICE_CASE_STATUSES).optional(),
  targetGroup: targetGroupInput.optional().meta({ description: 'Målgruppe: platform code or FFB code' }),
  referralId: z.uuid().optional().meta({ description: 'The case of one referral' }),
  overdue: flagInput.optional().meta({ description: 'Only overdue cases (or only not overdue)' }),
  assignmentKind: z.enum(ASSIGNMENT_KINDS).optional(),
});

export type OpenCaseInput = z.infer<typeof openCaseSchema>;
export type ReassignInput = z.infer<typeof reassignSchema>;
export type DeclineInput = z.infer<typeof declineSchema>;
export type GiveAdviceInput = z.infer<typeof giveAdviceSchema>;
export type ListCasesQuery = z.infer<typeof listCasesQuery>;
