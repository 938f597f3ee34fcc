import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { PROBLEM_TYPES, problemType } from '../problem/problem';
import { applyOpenApiConventions } from './openapi.conventions';
import { operationIdFactory, publicOperationIds } from './operation-ids';

/** Where Swagger UI's "Authorize" signs a person in: Keycloak's authorization-code flow with PKCE. */
export interface OpenApiSignIn {
  authorizationUrl: string;
  tokenUrl: string;
  /** A public client of the realm whose redirect URIs include this service's /docs/oauth2-redirect.html. */
  clientId: string;
}

/** The scheme for a person signing in through /docs; machines send their client-credentials token as bearer. */
export const SIGN_IN_SCHEME = 'keycloak';

export interface OpenApiInfo {
  title: string;
  description: string;
  version: string;
  /** The service's own problem types, listed after the shared ones: slug → when it happens. */
  problemTypes?: Record<string, string>;
}

/** The security scheme every operation requires unless it is `@Public()`: a Keycloak access token. */
export const BEARER_SCHEME = 'bearer';

/** Builds the service's OpenAPI document (once; later calls return the same document). */
export type OpenApiDocumentSource = () => OpenAPIObject;

/**
 * Serves the service's OpenAPI document at /docs (UI) and /docs-json, built on the first request for it rather
 * than at start-up: a running service rarely serves it, and building it costs start-up time and memory that
 * every idle service would otherwise keep (docs/performance.md, Memory). The conventions every service shares
 * (bearer security, operation ids, named schemas, headers) are in `openapi.conventions.ts`.
 */
export function setupOpenApi(
  app: INestApplication,
  info: OpenApiInfo,
  signIn?: OpenApiSignIn,
): OpenApiDocumentSource {
  let document: OpenAPIObject | undefined;
  const source = () => (document ??= buildOpenApiDocument(app, info, signIn));
  SwaggerModule.setup('docs', app, source, {
    swaggerOptions: {
      persistAuthorization: true,
      ...(signIn
        ? { initOAuth: { clientId: signIn.clientId, usePkceWithAuthorizationCodeGrant: true } }
        : {}),
    },
  });
  return source;
}

function buildOpenApiDocument(
  app: INestApplication,
  info: OpenApiInfo,
  signIn?: OpenApiSignIn,
): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle(info.title)
    .setDescription(`${info.description}\n\n${problemTypesMarkdown(info.problemTypes ?? {})}`)
    .setVersion(info.version)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_SCHEME)
    // Document-level, so Swagger UI's "Authorize" sends the token on every call and clients know they need one.
    .addSecurityRequirements(BEARER_SCHEME);
  if (signIn) {
    builder
      .addOAuth2(
        {
          type: 'oauth2',
          description:
            'A person signs in with Keycloak (authorization code with PKCE); the same access token',
          flows: {
            authorizationCode: {
              authorizationUrl: signIn.authorizationUrl,
              tokenUrl: signIn.tokenUrl,
              scopes: {},
            },
          },
        },
        SIGN_IN_SCHEME,
      )
      .addSecurityRequirements(SIGN_IN_SCHEME);
  }
  const config = builder.build();
  const document = SwaggerModule.createDocument(app, config, { operationIdFactory });
  applyOpenApiConventions(document, {
    schemas: { Problem: PROBLEM_SCHEMA },
    publicOperationIds: publicOperationIds(app),
  });
  return document;
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
