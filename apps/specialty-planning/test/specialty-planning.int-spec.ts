import { routesWithoutAccessRule } from '@platform/auth';
import { schemaDrift } from '@platform/persistence';
import type { TestService } from '@platform/testing';
import { join } from 'node:path';
import type { PrismaService } from '../src/database/prisma.service';
import { usePlanning } from './support/service';

describe('the specialty-planning service', () => {
  let t: TestService<PrismaService>;
  usePlanning((service) => (t = service));

  it('is ready: its database, Kafka and Keycloak answer', async () => {
    const res = await t.http().get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'up', checks: { database: 'up', kafka: 'up', identity: 'up' } });
  });

  it('answers a directory read with any valid token of the platform', async () => {
    const res = await (await t.as('caseworker-101')).get('/api/v1/offers');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ items: expect.any(Array) });
  });

  it('refuses a call without a token with problem+json', async () => {
    const res = await t.http().get('/api/v1/offers');
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('gives every route an @Access or @Public rule (the guard denies the others)', () => {
    expect(routesWithoutAccessRule(t.app)).toEqual([]);
  });

  it('has the database its schema folder describes, platform tables included', async () => {
    const schema = join(__dirname, '../prisma/schema');
    expect(await schemaDrift(schema, t.config.kit.databaseUrl)).toEqual([]);
  });
});
