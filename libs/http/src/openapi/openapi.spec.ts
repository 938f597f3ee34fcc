import { Controller, Get, Module, Post, Query, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApiOperation, type OpenAPIObject } from '@nestjs/swagger';
import request from 'supertest';
import { z } from 'zod';
import { Public } from '../public.decorator';
import { namedSchema } from './named-schemas';
import { setupOpenApi, type OpenApiDocumentSource } from './openapi';
import { ApiIdempotencyKey, ApiJsonResponse, ApiQueryFrom } from './openapi.decorators';
import { operationIdFactory } from './operation-ids';

const widget = namedSchema('Widget', z.object({ id: z.string(), size: z.enum(['S', 'L']) }));
const widgetPage = namedSchema('WidgetPage', z.object({ items: z.array(widget) }));
/** The names of the headers a response object declares. */
const headersOf = (response: unknown) => Object.keys((response as { headers?: object }).headers ?? {});

const widgetQuery = z.strictObject({
  size: z.enum(['S', 'L']).optional().meta({ description: 'Only this size' }),
  limit: z.coerce.number().int().min(1).max(100).default(10),
});

@Controller('widgets')
class WidgetController {
  @Get()
  @ApiQueryFrom(widgetQuery)
  @ApiJsonResponse(200, widgetPage)
  list(@Query() _query: unknown) {
    return { items: [] };
  }

  @Post()
  @ApiIdempotencyKey()
  @ApiJsonResponse(201, widget, { example: { id: 'w1', size: 'S' }, headers: ['ETag', 'Location'] })
  create() {
    return { id: 'w1', size: 'S' };
  }

  @Get('catalogue')
  @Public()
  @ApiOperation({ operationId: 'getWidgetCatalogue' })
  catalogue() {
    return [];
  }
}

@Module({ controllers: [WidgetController] })
class WidgetModule {}

describe('the OpenAPI conventions every service shares', () => {
  let app: INestApplication;
  let document: OpenApiDocumentSource;
  let doc: OpenAPIObject;

  beforeAll(async () => {
    app = await NestFactory.create(WidgetModule, { logger: false });
    document = setupOpenApi(app, { title: 'Widgets', description: 'test', version: '1' });
    await app.init();
    doc = document();
  });
  afterAll(() => app.close());

  it('serves at /docs-json the document it builds once, on demand', async () => {
    expect(document()).toBe(doc);
    const served = await request(app.getHttpServer()).get('/docs-json');
    expect(served.status).toBe(200);
    expect(served.body).toEqual(JSON.parse(JSON.stringify(doc)));
  });

  it('requires the bearer token document-wide, and none on @Public() routes', () => {
    expect(doc.security).toEqual([{ bearer: [] }]);
    expect(doc.components?.securitySchemes?.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/widgets'].get?.security).toBeUndefined();
    expect(doc.paths['/widgets/catalogue'].get?.security).toEqual([]);
  });

  it('names operations <verb><Resource>, or as @ApiOperation says', () => {
    expect(operationIdFactory('ReferralController', 'create')).toBe('createReferral');
    expect(operationIdFactory('PolicyController', 'list')).toBe('listPolicies');
    expect(doc.paths['/widgets'].get?.operationId).toBe('listWidgets');
    expect(doc.paths['/widgets'].post?.operationId).toBe('createWidget');
    expect(doc.paths['/widgets/catalogue'].get?.operationId).toBe('getWidgetCatalogue');
  });

  it('refers to named zod schemas, and defines them and what they refer to', () => {
    expect(doc.paths['/widgets'].get?.responses['200']).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/WidgetPage' } } },
    });
    expect(doc.components?.schemas?.WidgetPage).toMatchObject({
      properties: { items: { items: { $ref: '#/components/schemas/Widget' } } },
    });
    expect(doc.components?.schemas?.Widget).toMatchObject({
      properties: { size: { enum: ['S', 'L'] } },
      required: ['id', 'size'],
    });
  });

  it('documents the query parameters of the zod query schema', () => {
    expect(doc.paths['/widgets'].get?.parameters).toEqual([
      {
        name: 'size',
        in: 'query',
        required: false,
        description: 'Only this size',
        schema: { type: 'string', enum: ['S', 'L'] },
      },
      {
        name: 'limit',
        in: 'query',
        required: false,
        schema: { type: 'integer', minimum: 1, maximum: 100, default: 10 },
      },
    ]);
  });

  it('documents the headers: X-Request-Id everywhere, and what Idempotency-Key brings', () => {
    const post = doc.paths['/widgets'].post!;
    expect(post.parameters).toEqual([expect.objectContaining({ name: 'Idempotency-Key', in: 'header' })]);
    expect(headersOf(post.responses['201'])).toEqual([
      'ETag',
      'Location',
      'Idempotent-Replayed',
      'X-Request-Id',
    ]);
    expect(Object.keys(post.responses)).toEqual(['201', '409', '422']);
    expect(headersOf(doc.paths['/widgets'].get!.responses['200'])).toEqual(['X-Request-Id']);
    expect(Object.keys(doc.components?.headers ?? {}).sort()).toEqual([
      'ETag',
      'Idempotent-Replayed',
      'Location',
      'X-Request-Id',
    ]);
  });

  it('refuses an example that does not match its schema, and one name for two schemas', () => {
    expect(() => ApiJsonResponse(200, widget, { example: { id: 'w1', size: 'M' } })).toThrow(/example/);
    expect(() => ApiJsonResponse(200, z.object({}))).toThrow(/named schema/);
    expect(() => namedSchema('Widget', z.object({ id: z.string() }))).toThrow(/two schemas/);
  });
});
