import { TOPICS } from '@platform/contracts';
import { getToken, type TestService } from '@platform/testing';
import fc from 'fast-check';
import type { PrismaService } from '../src/database/prisma.service';
import { usePlanning } from './support/service';

/** Random application bodies never give a 5xx, and a refused one writes nothing: no row, function or event. */
describe('random function-application bodies', () => {
  let t: TestService<PrismaService>;
  usePlanning((service) => (t = service));

  let offerId: string;
  let operator: string;
  let state: string;

  const fieldValue = () =>
    fc.oneof(
      fc.jsonValue(),
      fc.constantFrom(
        'VISION',
        'HEARING',
        'SPECIAL_FUNCTION',
        'ADVISORY_FUNCTION',
        '2027-01-01',
        '2031-12-31',
        '2026-02-30',
        '0000-01-01',
        '0101901234',
        'En begrundelse på dansk',
        '',
        30,
        -5,
        1.5,
      ),
      fc.constant(offerId),
      fc.uuid(),
    );
  const evidence = () =>
    fc.oneof(
      fieldValue(),
      fc.record(
        {
          yearlyVolume: fc.oneof(fc.integer({ min: -2, max: 100 }), fieldValue()),
          competences: fc.oneof(fc.string({ maxLength: 30 }), fieldValue()),
          healthCooperation: fc.oneof(fc.string({ maxLength: 30 }), fieldValue()),
        },
        { requiredKeys: [] },
      ),
    );
  const body = (fields: Record<string, fc.Arbitrary<unknown>>) =>
    fc.oneof(
      fc.jsonValue(),
      fc.record(fields, { requiredKeys: [] }),
      fc.dictionary(fc.constantFrom(...Object.keys(fields), '__proto__', 'extra'), fieldValue(), {
        maxKeys: 5,
      }),
    );
  const send = (token: string, path: string, b: unknown, etag?: string) => {
    const req = t.http().post(path).auth(token, { type: 'bearer' }).set('Content-Type', 'application/json');
    return (etag ? req.set('If-Match', etag) : req).send(JSON.stringify(b));
  };
  const counts = async () => ({
    applications: await t.db.functionApplication.count(),
    functions: await t.db.specialtyFunction.count(),
    events: await t.db.outboxMessage.count({ where: { topic: TOPICS.plan } }),
  });
  const snapshot = async (id: string) => ({
    application: await t.db.functionApplication.findUniqueOrThrow({ where: { id } }),
    ...(await counts()),
  });
  const pending = async () => {
    const res = await send(operator, '/api/v1/function-applications', {
      offerId,
      targetGroup: 'VISION',
      functionType: 'SPECIAL_FUNCTION',
      evidence: { yearlyVolume: 10, competences: 'Kompetencer nok', healthCooperation: 'Samarbejde nok' },
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  beforeAll(async () => {
    const offer = await (await t.as('planner-1084')).post('/api/v1/offers').send({
      name: 'Synscenter til tilfældige ansøgninger',
      legalBases: ['SEL_108'],
      targetGroups: ['VISION'],
      level: 'HIGH',
      places: 4,
      address: { street: 'Vej 3', postalCode: '2900', city: 'Hellerup', municipalityCode: '157' },
    });
    expect(offer.status).toBe(201);
    offerId = offer.body.id;
    operator = await getToken('planner-1084');
    state = await getToken('planner-state');
  });

  it('on apply', async () => {
    await fc.assert(
      fc.asyncProperty(
        body({
          offerId: fieldValue(),
          targetGroup: fieldValue(),
          functionType: fieldValue(),
          evidence: evidence(),
        }),
        async (b) => {
          const before = await counts();
          const res = await send(operator, '/api/v1/function-applications', b);
          expect(res.status).toBeLessThan(500);
          if (res.status >= 400) expect(await counts()).toEqual(before);
        },
      ),
      { numRuns: 80 },
    );
  });

  it.each([
    ['approve', { validFrom: fieldValue, validTo: fieldValue, minimumYearlyVolume: fieldValue }],
    ['reject', { reason: fieldValue }],
  ])('on %s', async (decision, fields) => {
    const id = await pending();
    const arbitraries = Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f()]));
    await fc.assert(
      fc.asyncProperty(body(arbitraries), async (b) => {
        const before = await snapshot(id);
        const res = await send(
          state,
          `/api/v1/function-applications/${id}/${decision}`,
          b,
          `W/"${before.application.version}"`,
        );
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) expect(await snapshot(id)).toEqual(before);
      }),
      { numRuns: 40 },
    );
  });
});
