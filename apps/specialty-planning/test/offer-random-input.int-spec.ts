import type { TestService } from '@platform/testing';
import fc from 'fast-check';
import type { PrismaService } from '../src/database/prisma.service';
import { clearTestOffers, offerBody, TEST_PREFIX, writeCounts } from './offer-fixtures';
import { usePlanning } from './support/service';

/**
 * Random offer bodies, mostly near the real ones (real field names, values that are sometimes right), never give
 * a 5xx; a refused one writes nothing (no row, no event), an accepted one writes exactly its offer.
 */
describe('random offer input', () => {
  let t: TestService<PrismaService>;
  usePlanning((service) => (t = service));

  let own: { id: string };
  let ownIntervention: { id: string };
  let othersOffer: { id: string };

  beforeAll(async () => {
    await clearTestOffers(t);
    const post = async (identity: 'planner-1082' | 'planner-1084', body: Record<string, unknown>) =>
      (await (await t.as(identity)).post('/api/v1/offers').send(body)).body;
    own = await post('planner-1082', offerBody('1082'));
    ownIntervention = await post(
      'planner-1082',
      offerBody('1082', { address: undefined, parentOfferId: own.id }),
    );
    othersOffer = await post('planner-1084', offerBody('1084'));
  });

  const sometimes = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, fc.jsonValue());
  const field = {
    name: sometimes(
      fc.oneof(
        fc.string({ maxLength: 250 }).map((s) => `${TEST_PREFIX} ${s}`),
        fc.constant(''),
      ),
    ),
    legalBases: sometimes(
      fc.array(fc.constantFrom('SEL_108', 'SEL_85', 'BL_43', 'SEL_176', 'sel_108', ''), { maxLength: 12 }),
    ),
    targetGroups: sometimes(
      fc.array(
        fc.constantFrom('VISION', 'hearing', '5cb8997c-eb10-477f-b653-b2a5ff11ce7d', 'DRAGONS', ' AUTISM '),
        { maxLength: 22 },
      ),
    ),
    level: sometimes(fc.constantFrom('GENERAL', 'LIGHT', 'MODERATE', 'HIGH', 'high', 'EXTREME')),
    places: sometimes(fc.oneof(fc.integer({ min: -5, max: 200_000 }), fc.double(), fc.constant('12'))),
    address: sometimes(
      fc.record(
        {
          street: fc.oneof(fc.string({ maxLength: 210 }), fc.constant('Skovvej 1')),
          postalCode: fc.constantFrom('8000', '800', 'abcd', '80000'),
          city: fc.oneof(fc.string({ maxLength: 110 }), fc.constant('Aarhus')),
          municipalityCode: fc.constantFrom('751', '0751', '999', '157', ''),
        },
        { requiredKeys: [] },
      ),
    ),
    parentOfferId: sometimes(
      fc.oneof(fc.uuid(), fc.constantFrom('own', 'intervention', 'others', 'not-a-uuid')),
    ),
    ratePerDay: sometimes(fc.constantFrom('2450.50', '10', '1.234', '-5', '1e5', '99999999999')),
    status: sometimes(fc.constantFrom('ACTIVE', 'INACTIVE', 'CLOSED')),
    privateProvider: sometimes(
      fc.record({ cvr: fc.constantFrom('12345678', '1234'), name: fc.string({ maxLength: 5 }) }),
    ),
    extra: fc.jsonValue(),
  };
  type Body = Partial<Record<keyof typeof field, unknown>>;
  const bodies = fc.oneof(
    { weight: 1, arbitrary: fc.jsonValue() },
    { weight: 6, arbitrary: fc.record(field, { requiredKeys: [] }) as fc.Arbitrary<Body> },
  );

  /** Named parents become real ids: the caller's offer, its intervention, another region's offer. */
  const resolve = (body: unknown) => {
    if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
    const b = { ...(body as Body) };
    const named: Record<string, string> = {
      own: own.id,
      intervention: ownIntervention.id,
      others: othersOffer.id,
    };
    if (typeof b.parentOfferId === 'string' && named[b.parentOfferId])
      b.parentOfferId = named[b.parentOfferId];
    return b;
  };

  const send = async (method: 'post' | 'put', path: string, body: unknown, ifMatch?: string) => {
    const req = (await t.as('planner-1082'))[method](path).set('Content-Type', 'application/json');
    if (ifMatch) req.set('If-Match', ifMatch);
    return req.send(JSON.stringify(body));
  };

  it('on registration', async () => {
    await fc.assert(
      fc.asyncProperty(bodies, async (raw) => {
        const before = await writeCounts(t);
        const res = await send('post', '/api/v1/offers', resolve(raw));
        expect(res.status).toBeLessThan(500);
        const after = await writeCounts(t);
        if (res.status >= 400) expect(after).toEqual(before);
        else expect(after).toEqual({ offers: before.offers + 1, events: before.events + 1 });
      }),
      { numRuns: 80 },
    );
  });

  it('on edit and on places', async () => {
    const version = async () =>
      (await (await t.as('caseworker-101')).get(`/api/v1/offers/${own.id}`)).body.version;
    await fc.assert(
      fc.asyncProperty(bodies, fc.boolean(), async (raw, places) => {
        const before = { counts: await writeCounts(t), version: await version() };
        const path = places ? `/api/v1/offers/${own.id}/places` : `/api/v1/offers/${own.id}`;
        const res = await send('put', path, resolve(raw), `"${before.version}"`);
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400)
          expect({ counts: await writeCounts(t), version: await version() }).toEqual(before);
      }),
      { numRuns: 60 },
    );
  });

  it('on an HSDS import', async () => {
    const exported = (await (await t.as('planner-1082')).get('/api/v1/offers/hsds')).body;
    const mutate = fc.record({
      path: fc.array(fc.nat({ max: 8 }), { minLength: 1, maxLength: 5 }),
      value: fc.jsonValue(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(mutate, { maxLength: 3 }), async (mutations) => {
        const doc = JSON.parse(JSON.stringify(exported));
        for (const m of mutations) setAlong(doc, m.path, m.value);
        const before = await writeCounts(t);
        const res = await send('post', '/api/v1/offers/hsds', doc);
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) expect(await writeCounts(t)).toEqual(before);
      }),
      { numRuns: 40 },
    );
  });

  it('on a search', async () => {
    const params = fc.dictionary(
      fc.constantFrom(
        'targetGroup',
        'level',
        'region',
        'municipality',
        'freePlaces',
        'function',
        'operator',
        'limit',
        'cursor',
        'x',
      ),
      fc.oneof(
        fc.string({ maxLength: 40 }),
        fc.constantFrom('VISION', '1084', '751', 'true', 'HIGH', '0', '201'),
      ),
    );
    await fc.assert(
      fc.asyncProperty(params, async (query) => {
        const res = await (await t.as('caseworker-101')).get('/api/v1/offers').query(query);
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps every address in a real municipality', async () => {
    const [{ bad }] = await t.db.$queryRaw<{ bad: number }[]>`
      SELECT count(*)::int AS bad FROM offer WHERE municipality_code !~ '^[0-9]{3}$'`;
    expect(bad).toBe(0);
  });
});

/** Replaces the value reached by following `path` (indices into the keys of each object or array) with `value`. */
function setAlong(doc: unknown, path: number[], value: unknown): void {
  let node = doc as Record<string, unknown>;
  for (let i = 0; i < path.length; i++) {
    if (!node || typeof node !== 'object') return;
    const keys = Object.keys(node);
    if (keys.length === 0) return;
    const key = keys[path[i] % keys.length];
    if (i === path.length - 1) node[key] = value;
    else node = node[key] as Record<string, unknown>;
  }
}
