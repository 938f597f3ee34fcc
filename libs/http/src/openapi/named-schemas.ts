import { z } from 'zod';

/**
 * Zod schemas that appear in OpenAPI documents as named components (`components.schemas.<name>`), so responses
 * `$ref` them and generated clients get a named type instead of `unknown`. The zod schema stays the single
 * source: the service's TS type is `z.infer` of it and the document is converted from it.
 */
const registry = z.registry<{ id: string }>();
const byName = new Map<string, z.ZodType>();
const COMPONENT_NAME = /^[A-Z][A-Za-z0-9]*$/;

/** Names a schema as an OpenAPI component and returns it unchanged; naming it again under the same name is a no-op. */
export function namedSchema<T extends z.ZodType>(name: string, schema: T): T {
  if (!COMPONENT_NAME.test(name)) throw new Error(`OpenAPI schema name "${name}" must be PascalCase`);
  const known = byName.get(name);
  if (known && known !== schema) throw new Error(`OpenAPI schema name "${name}" is used by two schemas`);
  const named = registry.get(schema)?.id;
  if (named && named !== name) throw new Error(`one schema is named both "${named}" and "${name}"`);
  byName.set(name, schema);
  registry.add(schema, { id: name });
  return schema;
}

/** The name a schema was given with `namedSchema`, if any. */
export function schemaName(schema: z.ZodType): string | undefined {
  return registry.get(schema)?.id;
}

export const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** A zod schema as an OpenAPI 3.0 schema object, so the validation and the documentation share one source. */
export function openApiSchema(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, {
    target: 'openapi-3.0',
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

/**
 * Every named schema as an OpenAPI 3.0 schema object (what the service returns, so `io: 'output'`), referring
 * to the others by `$ref` instead of inlining them.
 */
export function namedComponentSchemas(): Record<string, Record<string, unknown>> {
  const { schemas } = z.toJSONSchema(registry, {
    target: 'openapi-3.0',
    io: 'output',
    unrepresentable: 'any',
    uri: (id) => schemaRef(id).$ref,
  });
  for (const schema of Object.values(schemas)) {
    // OpenAPI 3.0 schema objects have no `$id`; the component's key is its name.
    delete (schema as { $id?: string }).$id;
  }
  return schemas as Record<string, Record<string, unknown>>;
}
