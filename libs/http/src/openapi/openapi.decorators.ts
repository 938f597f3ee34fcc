import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { z } from 'zod';
import { headerRef, type ResponseHeader } from './openapi.headers';
import { openApiSchema, schemaName, schemaRef } from './named-schemas';

export interface JsonResponseOptions {
  description?: string;
  /** Checked against the schema when the decorator is applied, so a documented example cannot drift from it. */
  example?: unknown;
  /** Headers this response sets besides the ones every response has (`X-Request-Id`). */
  headers?: ResponseHeader[];
}

const DEFAULT_DESCRIPTIONS: Record<number, string> = { 200: 'OK', 201: 'Created' };

/**
 * A JSON response whose body is a named schema (see `namedSchema`): the document `$ref`s
 * `components.schemas.<name>`, so a generated client has a named type for it.
 */
export function ApiJsonResponse(
  status: number,
  schema: z.ZodType,
  options: JsonResponseOptions = {},
): MethodDecorator & ClassDecorator {
  const name = schemaName(schema);
  if (!name) throw new Error('ApiJsonResponse needs a named schema: namedSchema(name, schema)');
  if (options.example !== undefined) {
    const parsed = schema.safeParse(options.example);
    if (!parsed.success) {
      throw new Error(
        `the example of a ${status} ${name} response does not match it: ${parsed.error.message}`,
      );
    }
  }
  return ApiResponse({
    status,
    description: options.description ?? DEFAULT_DESCRIPTIONS[status] ?? 'Success',
    content: {
      'application/json': {
        schema: schemaRef(name),
        ...(options.example === undefined ? {} : { example: options.example }),
      },
    },
    ...(options.headers?.length
      ? { headers: Object.fromEntries(options.headers.map((h) => [h, headerRef(h)])) }
      : {}),
  });
}

/**
 * `Idempotency-Key` on a POST (served by `IdempotencyInterceptor`). The document pass adds what follows from
 * it: `Idempotent-Replayed` on the success response and the 409/422 key conflicts.
 */
export const ApiIdempotencyKey = () =>
  ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Makes a retried POST have one effect: a retry gets the first response again',
    schema: { type: 'string', minLength: 8, maxLength: 200, pattern: '^[A-Za-z0-9._:-]+$' },
  });

/** `If-Match` on a change: the ETag last read; 428 without it, 412 when someone changed the resource since. */
export const ApiIfMatch = () =>
  ApiHeader({
    name: 'If-Match',
    required: true,
    description: 'The ETag of the resource as you last read it (412 when stale)',
    schema: { type: 'string', example: 'W/"1"' },
  });

/**
 * One query parameter per property of a zod object schema (the one the endpoint validates its query with), so
 * the documented filters are the accepted ones.
 */
export function ApiQueryFrom(schema: z.ZodObject): MethodDecorator {
  const json = openApiSchema(schema) as {
    properties?: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  return applyDecorators(
    ...Object.entries(json.properties ?? {}).map(([name, property]) => {
      const { description, ...propertySchema } = property;
      return ApiQuery({
        name,
        required: json.required?.includes(name) ?? false,
        schema: propertySchema,
        ...(typeof description === 'string' ? { description } : {}),
      });
    }),
  );
}
