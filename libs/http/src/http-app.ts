import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { corsClosed, securityHeaders } from './edge/security-headers';
import { refusePrototypeKeys } from './edge/prototype-keys';
import { RateLimiter, type RateLimitOptions } from './edge/rate-limit';
import { requestContext } from './logging/request-context.middleware';
import {
  setupOpenApi,
  type OpenApiDocumentSource,
  type OpenApiInfo,
  type OpenApiSignIn,
} from './openapi/openapi';
import { ProblemFilter, type ProblemTranslator } from './problem/problem.filter';
import { useJsonBodies } from './validation/json-body.middleware';

export interface HttpAppOptions {
  openApi: OpenApiInfo;
  /** Lets /docs sign a person in with Keycloak (the realm's public docs client). */
  signIn?: OpenApiSignIn;
  bodyLimit: string;
  /** Larger limits for named paths (a bulk import), e.g. `{ '/api/v1/offers/hsds': '5mb' }`. */
  bodyLimitsByPath?: Record<string, string>;
  problemTranslators?: ProblemTranslator[];
  /** Requests per client (token client + subject, and address): 429 with Retry-After past it. Absent: off. */
  rateLimit?: RateLimitOptions;
}

/**
 * The HTTP edge every service shares: request ids and access logs, security headers, CORS closed, a rate limit per
 * client, JSON bodies with a size limit and without prototype-pollution keys, problem+json for every error,
 * OpenAPI at /docs (built on first request). Used by main.ts and by integration tests, so tests run the same edge.
 * Create the app with `{ bodyParser: false }` so this parser is the only one.
 */
export function configureHttpApp(app: INestApplication, options: HttpAppOptions): OpenApiDocumentSource {
  (app.getHttpAdapter().getInstance() as { disable(setting: string): void }).disable('x-powered-by');
  app.use(requestContext);
  app.use(securityHeaders);
  app.use(corsClosed);
  app.use(noStoreForApi);
  // perSecond 0 switches the limit off: then no request pays for reading its token's client.
  const limit = options.rateLimit;
  if (limit && limit.perSecond > 0) app.use(new RateLimiter(limit).middleware());
  useJsonBodies(app, options.bodyLimit, options.bodyLimitsByPath);
  app.use(refusePrototypeKeys);
  app.useGlobalFilters(new ProblemFilter(options.problemTranslators));
  app.enableShutdownHooks();
  return setupOpenApi(app, options.openApi, options.signIn);
}

/**
 * Every API answer may carry personal data (a referral, a citizen's CPR, a worklist, a problem about either), so
 * no browser, proxy or gateway may keep a copy: `Cache-Control: no-store` on all of `/api/`, set before the
 * handler so errors carry it too. Health and the OpenAPI document stay cacheable.
 */
function noStoreForApi(req: Request, res: Response, next: NextFunction): void {
  if (req.path.startsWith('/api/')) res.setHeader('Cache-Control', 'no-store');
  next();
}
