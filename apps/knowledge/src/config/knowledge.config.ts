import { SERVICE_CONFIG } from '@platform/kit';
import { z } from 'zod';

/**
 * The knowledge service's own environment (the kit reads the rest). The deadline rule set itself is data
 * (table advice_deadline_rule), not configuration.
 */
export const knowledgeConfigSchema = z.object({
  /** How often passed advice deadlines are looked for. */
  ADVICE_OVERDUE_SCAN_MS: z.coerce.number().int().min(100).default(60_000),
});

export type KnowledgeConfig = z.infer<typeof knowledgeConfigSchema>;

/** Injection token for the validated configuration (the kit's SERVICE_CONFIG). */
export const KNOWLEDGE_CONFIG = SERVICE_CONFIG;
