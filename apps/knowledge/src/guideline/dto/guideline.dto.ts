import { GUIDELINE_KINDS } from '@platform/contracts';
import { freeText, pageQuery } from '@platform/http';
import { z } from 'zod';
import { targetGroupInput } from '../../common/api-fields';

/**
 * Bodies of the guideline endpoints. Strict: unknown fields are refused. The text is published to every
 * organisation, so it refuses CPR numbers like every free-text field.
 */
const text = {
  title: freeText(300, 3).meta({
    description: 'Title',
    example: 'Visitation til synsrehabilitering for voksne',
  }),
  body: freeText(50_000, 10).meta({ description: 'The text (plain text or Markdown)' }),
  changeNote: freeText(2000).optional().meta({ description: 'What changed since the previous version' }),
};

export const createGuidelineSchema = z.strictObject({
  kind: z.enum(GUIDELINE_KINDS).meta({
    description: 'GUIDELINE (visitationsretningslinje) or PATHWAY (forløbsbeskrivelse)',
  }),
  targetGroup: targetGroupInput.meta({
    description: 'Målgruppe: platform code or FFB code',
    example: 'VISION',
  }),
  ...text,
});

export const versionTextSchema = z.strictObject(text);

export const retireSchema = z.strictObject({ reason: freeText(2000, 3) });

export const listGuidelinesQuery = z.strictObject({
  targetGroup: targetGroupInput.optional().meta({ description: 'Målgruppe: platform code or FFB code' }),
  kind: z.enum(GUIDELINE_KINDS).optional(),
  limit: pageQuery.limit,
});

export const searchQuery = z.strictObject({
  q: z.string().trim().min(2).max(200).meta({
    description: 'Words in Danish (stemmed: "børnene" finds "børn"); "phrase", -without, or',
    example: 'synshandicappede børn',
  }),
  targetGroup: targetGroupInput.optional().meta({ description: 'Målgruppe: platform code or FFB code' }),
  kind: z.enum(GUIDELINE_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20).meta({ description: 'Most hits' }),
});

export type CreateGuidelineInput = z.infer<typeof createGuidelineSchema>;
export type VersionTextInput = z.infer<typeof versionTextSchema>;
export type RetireInput = z.infer<typeof retireSchema>;
export type ListGuidelinesQuery = z.infer<typeof listGuidelinesQuery>;
export type SearchQuery = z.infer<typeof searchQuery>;
