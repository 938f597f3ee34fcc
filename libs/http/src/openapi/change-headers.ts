import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiParam } from '@nestjs/swagger';
import type { z } from 'zod';
import { ApiProblems } from '../problem/problem-responses.decorator';
import { openApiSchema } from './named-schemas';
import { ApiJsonResponse } from './openapi.decorators';

/** The path parameter `id`, a UUID (see pathUuid), described as the resource it names. */
export const ApiIdParam = (description?: string) =>
  ApiParam({ name: 'id', type: String, format: 'uuid', description });

export interface ChangeHeadersOptions {
  /** The path id's description, e.g. `The referral`. */
  id: string;
  /** The resource as If-Match names it: "The ETag of the <resource> as you last read it". */
  resource: string;
  /** A POST documents Idempotency-Key too; a PUT does not take one. */
  idempotencyKey?: boolean;
}

/** What a change of one resource documents: the path id, If-Match (required), Idempotency-Key on a POST. */
export const ApiChangeHeaders = ({ id, resource, idempotencyKey = true }: ChangeHeadersOptions) =>
  applyDecorators(
    ApiIdParam(id),
    ApiHeader({
      name: 'If-Match',
      required: true,
      description: `The ETag of the ${resource} as you last read it (412 when stale)`,
    }),
    ...(idempotencyKey
      ? [
          ApiHeader({
            name: 'Idempotency-Key',
            required: false,
            description: 'Makes a retried POST have one effect',
          }),
        ]
      : []),
  );

export interface ChangeCommandDocs extends ChangeHeadersOptions {
  /** The body the command validates with; none for a bodiless step. */
  body?: z.ZodType;
  /** Named request examples: name → body. */
  examples?: Record<string, unknown>;
  /** The changed resource the command answers with (a named schema), and an example of it. */
  view: z.ZodType;
  example: unknown;
}

/**
 * A command on one resource, documented as every such endpoint is: the change headers, the body, 200 with the
 * changed resource and its new ETag, and the problems a change can meet (a bad body, a role, an unknown id, a
 * state that forbids it, a stale or missing If-Match). Listed bottom-up, the order in which stacked decorators
 * apply, so the document is the one the same stack written out would give.
 */
export const ApiChangeCommand = ({ body, examples = {}, view, example, ...headers }: ChangeCommandDocs) =>
  applyDecorators(
    ApiProblems(400, 403, 404, 409, 412, 428),
    ApiJsonResponse(200, view, { example, headers: ['ETag'] }),
    ...(body
      ? [
          ApiBody({
            schema: openApiSchema(body),
            examples: Object.fromEntries(Object.entries(examples).map(([name, value]) => [name, { value }])),
          }),
        ]
      : []),
    ApiChangeHeaders(headers),
  );
