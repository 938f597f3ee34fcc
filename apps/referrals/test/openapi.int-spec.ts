import request from 'supertest';
import { startReferralsApp, type ReferralsTestApp } from './support/referrals-app';

interface Operation {
  summary?: string;
  requestBody?: { content: Record<string, { examples?: object; example?: object }> };
  responses: Record<
    string,
    { content?: Record<string, { example?: unknown; schema?: { example?: unknown; $ref?: string } }> }
  >;
}

describe('the OpenAPI document at /docs-json', () => {
  let t: ReferralsTestApp;
  let paths: Record<string, Record<string, Operation>>;

  beforeAll(async () => {
    t = await startReferralsApp();
    const res = await request(t.app.getHttpServer()).get('/docs-json');
    expect(res.status).toBe(200);
    paths = res.body.paths;
  });
  afterAll(() => t.close());

  const operations = () =>
    Object.entries(paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })),
    );

  it('documents every endpoint of the API, and no health endpoint', () => {
    const names = operations().map((o) => o.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'POST /api/v1/referrals',
        'GET /api/v1/referrals',
        'GET /api/v1/referrals/{id}',
        'GET /api/v1/referrals/{id}/citizen',
        'POST /api/v1/referrals/{id}/submit',
        'POST /api/v1/referrals/{id}/decision',
        'POST /api/v1/referrals/{id}/send',
        'POST /api/v1/referrals/{id}/withdraw',
        'GET /api/v1/operator/worklist',
        'POST /api/v1/referrals/{id}/accept',
        'POST /api/v1/referrals/{id}/reject',
        'POST /api/v1/referrals/{id}/placement/start',
        'POST /api/v1/referrals/{id}/placement/end',
      ]),
    );
    expect(names.some((n) => n.includes('/health'))).toBe(false);
  });

  it('gives every endpoint a summary, an example answer and its problem responses', () => {
    for (const { name, op } of operations()) {
      expect({ name, summary: Boolean(op.summary) }).toEqual({ name, summary: true });
      const success = Object.entries(op.responses).find(([status]) => status.startsWith('2'));
      // Named schemas are $ref'd, so the example sits on the media type (a $ref's siblings are ignored).
      const json = success?.[1].content?.['application/json'];
      expect({ name, example: (json?.example ?? json?.schema?.example) !== undefined }).toEqual({
        name,
        example: true,
      });
      expect({
        name,
        problem: op.responses['401']?.content?.['application/problem+json']?.schema?.$ref,
      }).toEqual({
        name,
        problem: '#/components/schemas/Problem',
      });
    }
  });

  it('gives every request body a schema with an example', () => {
    for (const { name, op } of operations().filter((o) => o.op.requestBody)) {
      const json = op.requestBody!.content['application/json'];
      expect({ name, hasSchema: Boolean(json) }).toEqual({ name, hasSchema: true });
    }
  });
});
