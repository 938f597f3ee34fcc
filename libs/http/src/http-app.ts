import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { requestContext } from './logging/request-context.middleware';
import { setupOpenApi, type OpenApiInfo } from './openapi/openapi';
import { ProblemFilter, type ProblemTranslator } from './problem/problem.filter';
import { useJsonBodies } from './validation/json-body.middleware';

export interface HttpAppOptions {
  openApi: OpenApiInfo;
  bodyLimit: string;
  problemTranslators?: ProblemTranslator[];
}

/**
 * The HTTP edge every service shares: request ids and access logs, JSON bodies with a size limit, problem+json
 * for every error, OpenAPI at /docs. Used by main.ts and by integration tests, so tests run the same edge.
 * Create the app with `{ bodyParser: false }` so this parser is the only one.
 */
export function configureHttpApp(app: INestApplication, options: HttpAppOptions): OpenAPIObject {
  (app.getHttpAdapter().getInstance() as { disable(setting: string): void }).disable('x-powered-by');
  app.use(requestContext);
  useJsonBodies(app, options.bodyLimit);
  app.useGlobalFilters(new ProblemFilter(options.problemTranslators));
  app.enableShutdownHooks();
  return setupOpenApi(app, options.openApi);
}
