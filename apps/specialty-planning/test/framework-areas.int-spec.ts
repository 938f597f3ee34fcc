import type { TestService } from '@platform/testing';
import fc from 'fast-check';
import type { PrismaService } from '../src/database/prisma.service';
import { usePlanning } from './support/service';

type Area = { code: string; municipalities: { code: string }[]; predecessorCodes: string[] };
const codes = (items: { code: string }[]) => items.map((i) => i.code);
const AGREEMENTS = '/api/v1/framework-areas/RA-1082/agreements';

describe('framework agreements and cooperation (rule 10)', () => {
  let t: TestService<PrismaService>;
  usePlanning((service) => (t = service));

  describe('framework-agreement areas over time', () => {
    it('has five areas on 2026-12-31 and four on 2027-01-01, Østdanmark replacing Hovedstaden and Sjælland', async () => {
      const agent = await t.as('caseworker-101');
      const before = await agent.get('/api/v1/framework-areas?on=2026-12-31');
      expect(before.status).toBe(200);
      expect(codes(before.body.items)).toEqual(['RA-1081', 'RA-1082', 'RA-1083', 'RA-1084', 'RA-1085']);
      const hovedstaden = before.body.items.find((a: Area) => a.code === 'RA-1084');
      expect(hovedstaden.municipalities).toHaveLength(29);
      expect(hovedstaden).toMatchObject({ successorCode: 'RA-1086', validTo: '2027-01-01', existsOn: true });

      const after = await agent.get('/api/v1/framework-areas?on=2027-01-01');
      expect(codes(after.body.items)).toEqual(['RA-1081', 'RA-1082', 'RA-1083', 'RA-1086']);
      const east = after.body.items.find((a: Area) => a.code === 'RA-1086');
      expect(east.municipalities).toHaveLength(46);
      expect(codes(east.municipalities)).toContain('101');
      expect(east).toMatchObject({
        predecessorCodes: ['RA-1084', 'RA-1085'],
        provisional: true,
        committee: { nameDa: 'Socialt samarbejdsudvalg, Region Østdanmark' },
      });
    });

    it('still shows an area that has ended, with its municipalities on its last day or an asked date', async () => {
      const agent = await t.as('planner-1082');
      const ended = await agent.get('/api/v1/framework-areas/RA-1085?on=2027-06-01');
      expect(ended.body).toMatchObject({ code: 'RA-1085', existsOn: false, municipalities: [] });
      const byRegion = await agent.get('/api/v1/framework-areas/1082');
      expect(byRegion.body).toMatchObject({ code: 'RA-1082', existsOn: true });
      expect(byRegion.body.municipalities).toHaveLength(19);
      expect((await agent.get('/api/v1/framework-areas/RA-9999')).status).toBe(404);
      const bad = await agent.get('/api/v1/framework-areas?on=2026-13-01');
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].pointer).toBe('query:on');
    });
  });

  describe('social and special-education agreements per election period', () => {
    // The test database outlives a run: this file owns the agreements of RA-1082 and RA-1081 and starts without them.
    beforeAll(() =>
      t.db.frameworkAgreement.deleteMany({ where: { frameworkAreaCode: { in: ['RA-1082', 'RA-1081'] } } }),
    );

    let id: string;

    it('lets the region record its agreement with Aarhus for 2026-2029, as a draft by default', async () => {
      const res = await (
        await t.as('planner-1082')
      )
        .post(AGREEMENTS)
        .send({ municipalityCode: '0751', electionPeriod: '2026-2029' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        frameworkAreaCode: 'RA-1082',
        regionCode: '1082',
        municipalityCode: '751',
        electionPeriod: '2026-2029',
        status: 'DRAFT',
        version: 1,
      });
      expect(res.headers.etag).toBe('W/"1"');
      id = res.body.id;
      expect(res.headers.location).toBe(`${AGREEMENTS}/${id}`);
    });

    it('refuses a second agreement for the same municipality and period (409)', async () => {
      const res = await (
        await t.as('planner-state')
      )
        .post(AGREEMENTS)
        .send({ municipalityCode: '751', electionPeriod: '2026-2029', status: 'SIGNED' });
      expect(res.status).toBe(409);
      expect(res.body.type).toBe('urn:dk:social:problem:agreement-exists');
    });

    it('names the field when the municipality is not in the area or the period is not a term (400)', async () => {
      const agent = await t.as('planner-1082');
      const odense = await agent
        .post(AGREEMENTS)
        .send({ municipalityCode: '461', electionPeriod: '2026-2029' });
      expect(odense.status).toBe(400);
      expect(odense.body.errors).toEqual([
        { pointer: '/municipalityCode', detail: expect.stringContaining('461') },
      ]);
      const period = await agent
        .post(AGREEMENTS)
        .send({ municipalityCode: '751', electionPeriod: '2025-2028' });
      expect(period.body.errors[0].pointer).toBe('/electionPeriod');
      const expired = await agent
        .post(AGREEMENTS)
        .send({ municipalityCode: '727', electionPeriod: '2030-2033', status: 'EXPIRED' });
      expect(expired.body.errors[0].pointer).toBe('/status');
      const gone = await (
        await t.as('planner-state')
      )
        .post('/api/v1/framework-areas/RA-1084/agreements')
        .send({ municipalityCode: '101', electionPeriod: '2030-2033' });
      expect(gone.body.errors[0].pointer).toBe('/electionPeriod');
    });

    it('lets only the area’s region and the state record agreements', async () => {
      for (const who of ['planner-1083', 'planner-751', 'caseworker-1082', 'advisor-1082'] as const) {
        const res = await (
          await t.as(who)
        )
          .post(AGREEMENTS)
          .send({ municipalityCode: '727', electionPeriod: '2026-2029' });
        expect({ who, status: res.status }).toEqual({ who, status: 403 });
      }
      const state = await (
        await t.as('planner-state')
      )
        .post(AGREEMENTS)
        .send({ municipalityCode: '727', electionPeriod: '2026-2029', status: 'NEGOTIATING' });
      expect(state.status).toBe(201);
    });

    it('moves the status with If-Match: 428 without, 412 when stale, 409 for a step that is not one', async () => {
      const agent = await t.as('planner-1082');
      const path = `${AGREEMENTS}/${id}/status`;
      expect((await agent.put(path).send({ status: 'NEGOTIATING' })).status).toBe(428);
      expect((await agent.put(path).set('If-Match', 'W/"7"').send({ status: 'NEGOTIATING' })).status).toBe(
        412,
      );
      const negotiating = await agent.put(path).set('If-Match', 'W/"1"').send({ status: 'NEGOTIATING' });
      expect(negotiating.status).toBe(200);
      expect(negotiating.headers.etag).toBe('W/"2"');
      const signed = await agent.put(path).set('If-Match', 'W/"2"').send({ status: 'SIGNED' });
      expect(signed.body).toMatchObject({ status: 'SIGNED', version: 3 });
      const back = await agent.put(path).set('If-Match', 'W/"3"').send({ status: 'DRAFT' });
      expect(back.status).toBe(409);
      expect(back.body).toMatchObject({ currentStatus: 'SIGNED', allowed: ['NEGOTIATING', 'EXPIRED'] });
      const early = await agent.put(path).set('If-Match', 'W/"3"').send({ status: 'EXPIRED' });
      expect(early.status).toBe(400);
      const other = await (
        await t.as('planner-1083')
      )
        .put(path)
        .set('If-Match', 'W/"3"')
        .send({ status: 'DRAFT' });
      expect(other.status).toBe(403);
      const elsewhere = await (
        await t.as('planner-state')
      )
        .put(`/api/v1/framework-areas/RA-1081/agreements/${id}/status`)
        .set('If-Match', 'W/"3"')
        .send({ status: 'NEGOTIATING' });
      expect(elsewhere.status).toBe(404);
    });

    it('is read by anyone with a valid token, with filters', async () => {
      const agent = await t.as('caseworker-751');
      const one = await agent.get(`${AGREEMENTS}/${id}`);
      expect(one.body).toMatchObject({ status: 'SIGNED' });
      expect(one.headers.etag).toBe('W/"3"');
      const list = await agent.get(`${AGREEMENTS}?electionPeriod=2026-2029&municipalityCode=0751`);
      expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([id]);
      expect((await agent.get(`${AGREEMENTS}?status=SIGNED`)).body.items).toHaveLength(1);
      expect((await agent.get(`/api/v1/framework-areas/RA-1081/agreements/${id}`)).status).toBe(404);
    });

    it('never answers a random body with a 5xx, and never half-writes', async () => {
      const agent = await t.as('planner-1081');
      const value = fc.oneof(
        fc.jsonValue(),
        fc.constantFrom(
          '773',
          '0851',
          '101',
          '2026-2029',
          '2030-2033',
          '2022-2025',
          'SIGNED',
          'EXPIRED',
          'DRAFT',
          '',
        ),
      );
      const body = (fields: string[]) =>
        fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom(...fields, 'extra'), value, { maxKeys: 4 }));
      const agreements = () => t.db.frameworkAgreement.findMany({ where: { frameworkAreaCode: 'RA-1081' } });
      await fc.assert(
        fc.asyncProperty(body(['municipalityCode', 'electionPeriod', 'status']), async (b) => {
          const before = await agreements();
          const res = await agent
            .post('/api/v1/framework-areas/RA-1081/agreements')
            .set('Content-Type', 'application/json')
            .send(JSON.stringify(b));
          expect(res.status).toBeLessThan(500);
          expect((await agreements()).length).toBe(before.length + (res.status === 201 ? 1 : 0));
        }),
        { numRuns: 60 },
      );
      const [target] = await agreements();
      if (!target) return;
      await fc.assert(
        fc.asyncProperty(body(['status']), async (b) => {
          const before = await t.db.frameworkAgreement.findUniqueOrThrow({ where: { id: target.id } });
          const res = await agent
            .put(`/api/v1/framework-areas/RA-1081/agreements/${target.id}/status`)
            .set('If-Match', `W/"${before.version}"`)
            .set('Content-Type', 'application/json')
            .send(JSON.stringify(b));
          expect(res.status).toBeLessThan(500);
          const after = await t.db.frameworkAgreement.findUniqueOrThrow({ where: { id: target.id } });
          if (res.status !== 200) expect(after).toEqual(before);
          else expect(after.version).toBe(before.version + 1);
        }),
        { numRuns: 40 },
      );
    });
  });

  describe('the OpenAPI document of the governance endpoints', () => {
    const GOVERNANCE = [
      'GET /api/v1/target-groups',
      'GET /api/v1/target-groups/{code}',
      'POST /api/v1/target-groups/{code}/responsibility-changes',
      'POST /api/v1/takeover-requests',
      'GET /api/v1/takeover-requests',
      'GET /api/v1/takeover-requests/{id}',
      'GET /api/v1/framework-areas',
      'GET /api/v1/framework-areas/{code}',
      'POST /api/v1/framework-areas/{code}/agreements',
      'GET /api/v1/framework-areas/{code}/agreements',
      'GET /api/v1/framework-areas/{code}/agreements/{id}',
      'PUT /api/v1/framework-areas/{code}/agreements/{id}/status',
      'POST /api/v1/needs-analyses',
      'GET /api/v1/needs-analyses',
      'GET /api/v1/needs-analyses/{id}',
    ];

    it('documents each with a summary, an example answer and its problem responses', async () => {
      const res = await t.http().get('/docs-json');
      expect(res.status).toBe(200);
      type Operation = {
        summary?: string;
        responses: Record<string, { content?: Record<string, { example?: unknown }> }>;
      };
      const paths = res.body.paths as Record<string, Record<string, Operation>>;
      for (const name of GOVERNANCE) {
        const [method, path] = name.split(' ');
        const op = paths[path]?.[method.toLowerCase()];
        expect({ name, documented: Boolean(op?.summary) }).toEqual({ name, documented: true });
        const success = Object.entries(op!.responses).find(([status]) => status.startsWith('2'));
        expect({ name, example: success?.[1].content?.['application/json']?.example !== undefined }).toEqual({
          name,
          example: true,
        });
        expect({ name, unauthorised: '401' in op!.responses }).toEqual({ name, unauthorised: true });
      }
    });
  });
});
