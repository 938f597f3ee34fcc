import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

/**
 * A zod schema as the JSON Schema AsyncAPI 3.0 reads by default (a superset of draft-07). The `$schema` key is
 * dropped: the document's schema format already says which dialect it is.
 */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const converted: JsonSchema = { ...z.toJSONSchema(schema, { target: 'draft-7' }) };
  delete converted.$schema;
  return converted;
}
