import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { z } from 'zod';
import { PROBLEM_TYPES, problemType } from '../problem/problem';

export interface OpenApiInfo {
  title: string;
  description: string;
  version: string;
  /** The service's own problem types, listed after the shared ones: slug → when it happens. */
  problemTypes?: Record<string, string>;
}

/** Builds the service's OpenAPI document and serves it at /docs (UI) and /docs-json. */
export function setupOpenApi(app: INestApplication, info: OpenApiInfo): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(info.title)
    .setDescription(`${info.description}\n\n${problemTypesMarkdown(info.problemTypes ?? {})}`)
    .setVersion(info.version)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, Problem: PROBLEM_SCHEMA },
  };
  SwaggerModule.setup('docs', app, document);
  return document;
}

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

const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'RFC 9457 problem details (application/problem+json).',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string', example: PROBLEM_TYPES.validation },
    title: { type: 'string', example: 'The request is not valid' },
    status: { type: 'integer', example: 400 },
    detail: { type: 'string', example: '/cpr: not a valid CPR number' },
    instance: { type: 'string', example: '/api/v1/referrals' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { pointer: { type: 'string', example: '/cpr' }, detail: { type: 'string' } },
      },
    },
  },
};

function problemTypesMarkdown(own: Record<string, string>): string {
  const shared = Object.values(PROBLEM_TYPES).map((t) => `- \`${t}\``);
  const specific = Object.entries(own).map(([slug, when]) => `- \`${problemType(slug)}\`: ${when}`);
  return [
    'Errors are RFC 9457 problem details (`application/problem+json`) with a stable `type`. Shared types:',
    ...shared,
    ...(specific.length ? ['', 'Types of this service:', ...specific] : []),
  ].join('\n');
}
