import { TOPICS } from '@platform/contracts';
import { getToken, type TestService } from '@platform/testing';
import fc from 'fast-check';
import type { PrismaService } from '../src/database/prisma.service';
import { usePlanning } from './support/service';

/** Random plan bodies never give a 5xx, and a refused one writes nothing: no plan, entry, function or event. */
describe('random plan bodies', () => {
  let t: TestService<PrismaService>;
  usePlanning((service) => (t = service));

  let offerId: string;
  let token: string;

  /** Values that are sometimes right: real codes, dates and the real offer, among random JSON. */
  const fieldValue = () =>
    fc.oneof(
      fc.jsonValue(),
      fc.constantFrom(
        'VISION',
        '615310e8-f702-4455-910b-9d6d8aa684fb',
        'SPECIAL_FUNCTION',
        'ADVISORY_FUNCTION',
        '2026-01-01',
        '2030-12-31',
        '0000-01-01',
        '2026-02-30',
        '0101901234',
        '',
        30,
        -1,
        2 ** 40,
      ),
      fc.constant(offerId),
      fc.uuid(),
    );
  const entryFields = [
    'targetGroup',
    'functionType',
    'offerId',
    'validFrom',
    'validTo',
    'minimumYearlyVolume',
  ];
  const entry = () =>
    fc.oneof(
      fc.record({
        targetGroup: fc.constantFrom('VISION', 'AUTISM', 'x'),
        functionType: fc.constantFrom('SPECIAL_FUNCTION', 'ADVISORY_FUNCTION'),
        offerId: fc.constantFrom(offerId, '00000000-0000-4000-8000-000000000000'),
        validFrom: fc.constantFrom('2026-01-01', '2031-01-01'),
        validTo: fc.constantFrom('2030-12-31', '2026-02-30'),
        minimumYearlyVolume: fc.oneof(fc.nat(100), fc.constant(-1)),
      }),
      fc.dictionary(fc.constantFrom(...entryFields, 'extra'), fieldValue(), { maxKeys: 7 }),
    );
  const entries = () => fc.oneof(fieldValue(), fc.array(entry(), { maxLength: 3 }));
  const body = (fields: Record<string, fc.Arbitrary<unknown>>) =>
    fc.oneof(
      fc.jsonValue(),
      fc.record(fields, { requiredKeys: [] }),
      fc.dictionary(fc.constantFrom(...Object.keys(fields), '__proto__', 'extra'), fieldValue(), {
        maxKeys: 5,
      }),
    );
  const send = (method: 'post' | 'put', path: string, b: unknown, etag?: string) => {
    const req = t
      .http()
      [method](path)
      .auth(token, { type: 'bearer' })
      .set('Content-Type', 'application/json');
    return (etag ? req.set('If-Match', etag) : req).send(JSON.stringify(b));
  };
  const counts = async () => ({
    plans: await t.db.specialtyPlan.count(),
    entries: await t.db.specialtyPlanEntry.count(),
    functions: await t.db.specialtyFunction.count(),
    events: await t.db.outboxMessage.count({ where: { topic: TOPICS.plan } }),
  });
  const snapshot = async (id: string) => ({
    plan: await t.db.specialtyPlan.findUniqueOrThrow({ where: { id } }),
    planEntries: await t.db.specialtyPlanEntry.findMany({
      where: { planId: id },
      orderBy: { position: 'asc' },
    }),
    ...(await counts()),
  });
  const draft = async (status: 'DRAFT' | 'CONSULTATION') => {
    const res = await send('post', '/api/v1/specialty-plans', {
      title: 'Tilfældig plan',
      effectiveFrom: '2026-01-01',
      entries: [
        {
          targetGroup: 'VISION',
          functionType: 'SPECIAL_FUNCTION',
          offerId,
          validFrom: '2026-01-01',
          validTo: '2030-12-31',
          minimumYearlyVolume: 5,
        },
      ],
    });
    if (status === 'DRAFT') return res.body.id as string;
    const consulted = await send(
      'post',
      `/api/v1/specialty-plans/${res.body.id}/consultation`,
      {},
      res.headers.etag,
    );
    expect(consulted.status).toBe(200);
    return res.body.id as string;
  };

  beforeAll(async () => {
    const offer = await (await t.as('planner-1084')).post('/api/v1/offers').send({
      name: 'Synscenter til tilfældige planer',
      legalBases: ['SEL_108'],
      targetGroups: ['VISION'],
      level: 'HIGH',
      places: 4,
      address: { street: 'Vej 2', postalCode: '2900', city: 'Hellerup', municipalityCode: '157' },
    });
    expect(offer.status).toBe(201);
    offerId = offer.body.id;
    token = await getToken('planner-state');
  });

  it('on create', async () => {
    await fc.assert(
      fc.asyncProperty(
        body({ title: fc.oneof(fc.string(), fieldValue()), effectiveFrom: fieldValue(), entries: entries() }),
        async (b) => {
          const before = await counts();
          const res = await send('post', '/api/v1/specialty-plans', b);
          expect(res.status).toBeLessThan(500);
          if (res.status >= 400) expect(await counts()).toEqual(before);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('on replacing entries', async () => {
    const id = await draft('DRAFT');
    await fc.assert(
      fc.asyncProperty(body({ entries: entries() }), async (b) => {
        const before = await snapshot(id);
        const res = await send(
          'put',
          `/api/v1/specialty-plans/${id}/entries`,
          b,
          `W/"${before.plan.version}"`,
        );
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) expect(await snapshot(id)).toEqual(before);
      }),
      { numRuns: 60 },
    );
  });

  it.each(['consultation', 'approve'])('on %s', async (command) => {
    const id = await draft(command === 'approve' ? 'CONSULTATION' : 'DRAFT');
    await fc.assert(
      fc.asyncProperty(body({ reason: fieldValue() }), async (b) => {
        const before = await snapshot(id);
        const res = await send(
          'post',
          `/api/v1/specialty-plans/${id}/${command}`,
          b,
          `W/"${before.plan.version}"`,
        );
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) expect(await snapshot(id)).toEqual(before);
      }),
      { numRuns: 30 },
    );
  });
});
