import { routesWithoutAccessRule } from '@platform/auth';
import { schemaDrift } from '@platform/persistence';
import { useService, type TestService } from '@platform/testing';
import { join } from 'node:path';
import { knowledgeService } from '../src/app.module';
import type { PrismaService } from '../src/database/prisma.service';

/**
 * What the drift check cannot see: Prisma's schema reader leaves out Unsupported fields, so the generated
 * tsvector column of the full-text search (guideline.prisma, migration 20261126150200_guidelines) is in the
 * database but not among the schema's columns. Its GIN index is matched, since the field is named as its column.
 */
const UNDESCRIBABLE = ['guideline_version.search_vector is not in the schema'];

describe('the knowledge service', () => {
  let t: TestService<PrismaService>;
  useService<PrismaService>(knowledgeService, (service) => (t = service));

  it('is ready: its database, Kafka and Keycloak answer', async () => {
    const res = await t.http().get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'up', checks: { database: 'up', kafka: 'up', identity: 'up' } });
  });

  it('answers the roster with any valid token of the platform', async () => {
    const res = await (await t.as('caseworker-101')).get('/api/v1/knowledge-environments');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ on: expect.any(String), items: expect.any(Array) });
  });

  it('refuses a call without a token with problem+json', async () => {
    const res = await t.http().get('/api/v1/advice-cases');
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('gives every route an @Access or @Public rule (the guard denies the others)', () => {
    expect(routesWithoutAccessRule(t.app)).toEqual([]);
  });

  it('has the database its schema folder describes, platform tables included', async () => {
    const schema = join(__dirname, '../prisma/schema');
    expect(await schemaDrift(schema, t.config.kit.databaseUrl)).toEqual(UNDESCRIBABLE);
    const [column] = await t.db.$queryRaw<{ udt: string; generated: string }[]>`
      SELECT udt_name AS udt, is_generated AS generated FROM information_schema.columns
      WHERE table_name = 'guideline_version' AND column_name = 'search_vector'`;
    expect(column).toEqual({ udt: 'tsvector', generated: 'ALWAYS' });
  });

  it('documents every endpoint in OpenAPI, with a summary and an example answer', async () => {
    const res = await t.http().get('/docs-json');
    expect(res.status).toBe(200);
    const operations = Object.entries(
      res.body.paths as Record<string, Record<string, { summary?: string }>>,
    ).flatMap(([path, methods]) =>
      Object.entries(methods).map(([m, op]) => ({ name: `${m.toUpperCase()} ${path}`, op })),
    );
    expect(operations.map((o) => o.name).sort()).toEqual(
      [
        'GET /api/v1/knowledge-environments',
        'GET /api/v1/knowledge-environments/{id}',
        'POST /api/v1/advice-cases',
        'GET /api/v1/advice-cases',
        'GET /api/v1/advice-cases/{id}',
        'POST /api/v1/advice-cases/{id}/advice',
        'POST /api/v1/advice-cases/{id}/reassign',
        'POST /api/v1/advice-cases/{id}/decline',
        'GET /api/v1/advice-deadline-rules',
        'PUT /api/v1/advice-deadline-rules/{targetGroup}',
        'GET /api/v1/guidelines',
        'POST /api/v1/guidelines',
        'GET /api/v1/guidelines/search',
        'GET /api/v1/guidelines/{id}',
        'GET /api/v1/guidelines/{id}/versions/{number}',
        'PUT /api/v1/guidelines/{id}/draft',
        'POST /api/v1/guidelines/{id}/versions',
        'POST /api/v1/guidelines/{id}/publish',
        'POST /api/v1/guidelines/{id}/retire',
        'GET /api/v1/knowledge-metrics',
      ].sort(),
    );
    for (const { name, op } of operations)
      expect({ name, summary: Boolean(op.summary) }).toEqual({ name, summary: true });
  });
});
