import { routesWithoutAccessRule } from '@platform/auth';
import { schemaDrift } from '@platform/persistence';
import { type TestService } from '@platform/testing';
import { join } from 'node:path';
import { CostAccrualScheduler } from '../src/cost/cost-accrual.scheduler';
import type { PrismaService } from '../src/database/prisma.service';
import { MonthlyTotalsScheduler } from '../src/report/monthly-totals.scheduler';
import { useFinancing } from './support/service';

const RULES = {
  year: 2031,
  name: 'Gældende lov 2031 (test)',
  effectiveFrom: '2031-01-01',
  bands: [
    { threshold: '860000.00', percent: 25 },
    { threshold: '1680000.00', percent: 50 },
    { threshold: '2120000.00', percent: 75 },
  ],
  adviceCondition: 'NONE',
};

describe('the financing service', () => {
  let t: TestService<PrismaService>;
  useFinancing((service) => (t = service));

  it('is ready: its database, Kafka and Keycloak answer', async () => {
    const res = await t.http().get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'up', checks: { database: 'up', kafka: 'up', identity: 'up' } });
  });

  it('runs no scheduled job by itself here: useFinancing turns them off (the tests run them)', () => {
    expect(t.app.get(CostAccrualScheduler).scheduled).toBe(false);
    expect(t.app.get(MonthlyTotalsScheduler).scheduled).toBe(false);
  });

  it('refuses a call without a token with problem+json', async () => {
    const res = await t.http().get('/api/v1/rule-sets');
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

  it('lets only the state set thresholds: a region gets 403, a municipality too', async () => {
    for (const who of ['planner-1082', 'caseworker-751'] as const) {
      const res = await (await t.as(who)).post('/api/v1/rule-sets').send(RULES);
      expect(res.status).toBe(403);
    }
  });

  it('refuses bands that do not rise, and amounts with more than 2 decimals, naming the field (400)', async () => {
    const state = await t.as('finance-state');
    const falling = await state
      .post('/api/v1/rule-sets')
      .send({ ...RULES, bands: [RULES.bands[1], RULES.bands[0]] });
    expect(falling.status).toBe(400);
    expect(falling.body.errors[0].pointer).toBe('/bands');
    const fraction = await state
      .post('/api/v1/rule-sets')
      .send({ ...RULES, bands: [{ threshold: '860000.005', percent: 25 }] });
    expect(fraction.status).toBe(400);
    expect(fraction.body.errors[0].pointer).toMatch(/^\/bands\/0\/threshold/);
  });

  it('puts a rule set in force once; in force it cannot change again (409), a stale ETag is 412', async () => {
    const state = await t.as('finance-state');
    const created = await state.post('/api/v1/rule-sets').send(RULES);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'DRAFT',
      bands: [{ thresholdOre: 86_000_000, percentBp: 2500 }, {}, {}],
    });
    const id = created.body.id;
    const missing = await state.post(`/api/v1/rule-sets/${id}/put-in-force`);
    expect(missing.status).toBe(428);
    const inForce = await state
      .post(`/api/v1/rule-sets/${id}/put-in-force`)
      .set('If-Match', created.headers.etag);
    expect(inForce.status).toBe(200);
    expect(inForce.body.status).toBe('IN_FORCE');
    const stale = await state
      .post(`/api/v1/rule-sets/${id}/put-in-force`)
      .set('If-Match', created.headers.etag);
    expect(stale.status).toBe(412);
    const again = await state
      .post(`/api/v1/rule-sets/${id}/put-in-force`)
      .set('If-Match', inForce.headers.etag);
    expect(again.status).toBe(409);
    const read = await (await t.as('caseworker-101')).get(`/api/v1/rule-sets/${id}`);
    expect(read.body.bands).toEqual(inForce.body.bands);
  });

  it('answers an unknown claim with 404 and a bad id with 400', async () => {
    const muni = await t.as('caseworker-751');
    expect((await muni.get('/api/v1/refusion-claims/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const bad = await muni.get('/api/v1/refusion-claims/not-a-uuid');
    expect(bad.status).toBe(400);
  });

  it('refuses a claim without a rule set in force for the year (409) and a claim body with unknown fields (400)', async () => {
    const muni = await t.as('caseworker-751');
    expect((await muni.post('/api/v1/refusion-claims').send({ year: 2099, quarter: 1 })).status).toBe(409);
    const extra = await muni
      .post('/api/v1/refusion-claims')
      .send({ year: 2099, quarter: 1, cpr: '0101901234' });
    expect(extra.status).toBe(400);
  });
});
