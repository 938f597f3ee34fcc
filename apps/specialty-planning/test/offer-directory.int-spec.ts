import { OfferUpdated, TOPICS } from '@platform/contracts';
import { findTargetGroup } from '@platform/domain';
import { eventData, waitForEvent, type TestService } from '@platform/testing';
import type { PrismaService } from '../src/database/prisma.service';
import { ADDRESSES, clearTestOffers, offerBody, writeCounts } from './offer-fixtures';
import { usePlanning } from './support/service';

describe('the offer directory', () => {
  let t: TestService<PrismaService>;
  usePlanning((service) => (t = service));

  beforeAll(() => clearTestOffers(t));

  const register = async (identity: Parameters<TestService['as']>[0], body: Record<string, unknown>) =>
    (await t.as(identity)).post('/api/v1/offers').send(body);

  it('documents every offer endpoint in the OpenAPI document, with its summary', async () => {
    const res = await t.http().get('/docs-json');
    expect(res.status).toBe(200);
    const paths = res.body.paths as Record<string, Record<string, { summary?: string }>>;
    const operations = Object.entries(paths)
      .filter(([path]) => path.startsWith('/api/v1/offers'))
      .flatMap(([path, methods]) =>
        Object.entries(methods).map(([m, op]) => [`${m.toUpperCase()} ${path}`, op] as const),
      );
    expect(operations.map(([name]) => name).sort()).toEqual([
      'GET /api/v1/offers',
      'GET /api/v1/offers/hsds',
      'GET /api/v1/offers/{id}',
      'GET /api/v1/offers/{id}/occupancy',
      'POST /api/v1/offers',
      'POST /api/v1/offers/hsds',
      'PUT /api/v1/offers/{id}',
      'PUT /api/v1/offers/{id}/places',
    ]);
    for (const [, op] of operations) expect(op.summary).toBeTruthy();
  });

  describe('registering and reading an offer', () => {
    it('registers an offer of the caller and shows it with names, Socialtilsyn and free places', async () => {
      const body = offerBody('1082', {
        legalBases: ['SEL_108', 'SEL_104'],
        targetGroups: ['VISION', '5cb8997c-eb10-477f-b653-b2a5ff11ce7d'],
        ratePerDay: '2450.5',
      });
      const res = await register('planner-1082', body);
      expect(res.status).toBe(201);
      expect(res.headers.etag).toBe('"1"');
      expect(res.headers.location).toBe(`/api/v1/offers/${res.body.id}`);
      expect(res.body).toMatchObject({
        version: 1,
        name: body.name,
        operator: { type: 'region', code: '1082', name: 'Region Midtjylland' },
        legalBases: [
          { code: 'SEL_104', reference: 'Serviceloven § 104' },
          { code: 'SEL_108', reference: 'Serviceloven § 108' },
        ],
        targetGroups: [
          { code: 'COMPLEX_COMMUNICATION', ffbCode: '5cb8997c-eb10-477f-b653-b2a5ff11ce7d' },
          { code: 'VISION' },
        ],
        places: 10,
        occupied: 0,
        freePlaces: 10,
        status: 'ACTIVE',
        ratePerDay: '2450.50',
        address: {
          street: 'Fuglsangvej 1',
          postalCode: '8210',
          city: 'Aarhus V',
          municipality: { code: '751', name: 'Aarhus' },
        },
        locationLess: false,
        parentOfferId: null,
        supervisingAuthority: { code: 'SOCIALTILSYN_MIDT', name: 'Socialtilsyn Midt' },
        interventions: [],
        functions: [],
      });

      const read = await (await t.as('caseworker-101')).get(`/api/v1/offers/${res.body.id}`);
      expect(read.status).toBe(200);
      expect(read.headers.etag).toBe('"1"');
      expect(read.body).toEqual(res.body);
    });

    it('emits OfferUpdated version 1 with the offer’s state', async () => {
      const before = new Date();
      const res = await register('planner-751', offerBody('751', { level: 'MODERATE', places: 4 }));
      expect(res.status).toBe(201);
      const event = await waitForEvent(TOPICS.offer, (e) => e.key?.toString() === res.body.id, {
        from: before,
      });
      expect(event.headers.ce_type).toBe(OfferUpdated.type);
      expect(event.headers.ce_source).toBe('/services/specialty-planning');
      expect(OfferUpdated.schema.parse(eventData(event))).toEqual({
        offerId: res.body.id,
        version: 1,
        name: res.body.name,
        operatorOrgType: 'municipality',
        operatorOrgCode: '751',
        level: 'MODERATE',
        targetGroups: ['VISION'],
        places: 4,
        active: true,
        municipalityCode: '751',
        parentOfferId: null,
      });
    });

    it('answers 404 for an offer that does not exist and 400 for an id that is no UUID', async () => {
      const agent = await t.as('caseworker-751');
      expect((await agent.get('/api/v1/offers/00000000-0000-4000-8000-000000000000')).status).toBe(404);
      const bad = await agent.get('/api/v1/offers/not-an-id');
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([{ pointer: 'path:id', detail: 'must be a UUID' }]);
    });
  });

  describe('refusing bad registrations with 400 naming the field, writing nothing', () => {
    it.each([
      ['no address and no parent', { address: undefined }, '/address'],
      [
        'both an address and a parent',
        { parentOfferId: '00000000-0000-4000-8000-000000000000' },
        '/parentOfferId',
      ],
      [
        'a municipality that does not exist',
        { address: { ...ADDRESSES['1082'], municipalityCode: '999' } },
        '/address/municipalityCode',
      ],
      ['negative places', { places: -1 }, '/places'],
      ['an unknown target group', { targetGroups: ['DRAGONS'] }, '/targetGroups/0'],
      ['no legal basis', { legalBases: [] }, '/legalBases'],
      ['a legal basis that is no offer type', { legalBases: ['SEL_176'] }, '/legalBases/0'],
      ['a rate with 3 decimals', { ratePerDay: '10.005' }, '/ratePerDay'],
      [
        'a 4-digit municipality postal code of 3 digits',
        { address: { ...ADDRESSES['1082'], postalCode: '800' } },
        '/address/postalCode',
      ],
      ['an unknown field', { capacity: 3 }, '/capacity'],
    ])('%s', async (_label, overrides, pointer) => {
      const before = await writeCounts(t);
      const res = await register('planner-1082', offerBody('1082', overrides));
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
      expect(await writeCounts(t)).toEqual(before);
    });
  });

  describe('searching', () => {
    const ids: Record<string, string> = {};
    // Every page: the test database keeps the offers of earlier runs and of other test files.
    const search = async (query: string) => {
      const found: string[] = [];
      let cursor: string | null = null;
      do {
        const page = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
        const res = await (await t.as('caseworker-101')).get(`/api/v1/offers?limit=200&${query}${page}`);
        expect(res.status).toBe(200);
        found.push(...(res.body.items as { id: string }[]).map((o) => o.id));
        cursor = res.body.nextCursor as string | null;
      } while (cursor);
      return found;
    };
    const mine = (found: string[]) =>
      Object.keys(ids)
        .filter((k) => found.includes(ids[k]))
        .sort();

    beforeAll(async () => {
      const specs = {
        A: ['planner-1083', offerBody('1083', { targetGroups: ['HEARING'], level: 'LIGHT', places: 2 })],
        B: ['planner-1083', offerBody('1083', { targetGroups: ['HEARING'], level: 'LIGHT', places: 0 })],
        C: ['planner-1083', offerBody('1083', { targetGroups: ['AUTISM'], level: 'HIGH' })],
        D: ['planner-751', offerBody('751', { targetGroups: ['HEARING'], level: 'LIGHT' })],
      } as const;
      for (const [key, [identity, body]] of Object.entries(specs)) {
        const res = await register(identity, body);
        expect(res.status).toBe(201);
        ids[key] = res.body.id;
      }
      await t.db.$executeRaw`
        INSERT INTO specialty_function (id, offer_id, operator_org_code, target_group, function_type, valid_from,
                                        valid_to, minimum_yearly_volume, created_at)
        VALUES (gen_random_uuid(), ${ids.C}::uuid, '1083', 'AUTISM', 'SPECIAL_FUNCTION',
                current_date - 30, current_date + 365, 10, now())`;
    });

    it('filters by target group, by our code or its FFB code', async () => {
      expect(mine(await search('targetGroup=HEARING'))).toEqual(['A', 'B', 'D']);
      const ffb = findTargetGroup('HEARING')!.ffbCode!;
      expect(mine(await search(`targetGroup=${ffb}`))).toEqual(['A', 'B', 'D']);
    });

    it('filters by level, operator, region (today) and municipality', async () => {
      expect(mine(await search('operator=1083&level=HIGH'))).toEqual(['C']);
      expect(mine(await search('region=1083&targetGroup=HEARING'))).toEqual(['A', 'B']);
      expect(mine(await search('region=1082&targetGroup=HEARING'))).toEqual(['D']);
      expect(mine(await search('municipality=751&targetGroup=HEARING'))).toEqual(['D']);
    });

    it('finds offers with a free place only', async () => {
      expect(mine(await search('operator=1083&freePlaces=true'))).toEqual(['A', 'C']);
      expect(mine(await search('operator=1083&freePlaces=false'))).toEqual(['B']);
    });

    it('finds the offers that hold a function today, and shows the function', async () => {
      expect(mine(await search('operator=1083&function=SPECIAL_FUNCTION'))).toEqual(['C']);
      expect(mine(await search('operator=1083&function=ADVISORY_FUNCTION'))).toEqual([]);
      const c = await (await t.as('caseworker-101')).get(`/api/v1/offers/${ids.C}`);
      expect(c.body.functions).toEqual([
        expect.objectContaining({ functionType: 'SPECIAL_FUNCTION', targetGroup: 'AUTISM' }),
      ]);
    });

    it('pages by name then id with an opaque cursor, each offer once', async () => {
      const agent = await t.as('planner-1082');
      const seen: { id: string; name: string }[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `/api/v1/offers?operator=1083&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const res = await agent.get(query);
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...res.body.items);
        cursor = res.body.nextCursor;
      } while (cursor);
      const expected = await t.db.$queryRaw<{ id: string }[]>`
        SELECT id::text FROM offer WHERE operator_org_code = '1083' ORDER BY name, id`;
      expect(seen.map((o) => o.id)).toEqual(expected.map((r) => r.id));
      expect(mine(seen.map((o) => o.id))).toEqual(['A', 'B', 'C']);
    });

    it.each([
      ['an unknown region', 'region=9999', 'query:region'],
      ['a page too large', 'limit=500', 'query:limit'],
      ['a forged cursor', 'cursor=bm90LWEtY3Vyc29y', 'query:cursor'],
      ['an unknown filter', 'colour=blue', 'query:colour'],
    ])('refuses %s with 400', async (_label, query, pointer) => {
      const res = await (await t.as('caseworker-101')).get(`/api/v1/offers?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    });
  });
});
