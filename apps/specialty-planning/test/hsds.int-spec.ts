import { OfferPlacesChanged, OfferUpdated, TOPICS } from '@platform/contracts';
import { eventData, waitForEvent, type TestService } from '@platform/testing';
import { randomUUID } from 'node:crypto';
import type { PrismaService } from '../src/database/prisma.service';
import type { HsdsDocument } from '../src/hsds/hsds.schema';
import { clearTestOffers, offerBody, testName, writeCounts } from './offer-fixtures';
import { usePlanning } from './support/service';

/** What an offer is, without what changes on every write. */
const essence = ({ version: _v, updatedAt: _u, ...offer }: Record<string, unknown>) => offer;

describe('HSDS 3.0 import and export of an operator’s offers', () => {
  let t: TestService<PrismaService>;
  usePlanning((service) => (t = service));

  const ids: Record<'parent' | 'intervention' | 'private', string> = {
    parent: '',
    intervention: '',
    private: '',
  };
  let exported: HsdsDocument;

  const planner = () => t.as('planner-1083');
  const views = async (offerIds: string[]) => {
    const agent = await t.as('caseworker-101');
    return Promise.all(offerIds.map(async (id) => (await agent.get(`/api/v1/offers/${id}`)).body));
  };

  beforeAll(async () => {
    await clearTestOffers(t);
    const agent = await planner();
    const post = async (body: Record<string, unknown>) =>
      (await agent.post('/api/v1/offers').send(body)).body.id as string;
    ids.parent = await post(
      offerBody('1083', {
        name: testName('Bo- og aktivitetscenter'),
        legalBases: ['SEL_104', 'SEL_108'],
        ratePerDay: '3100.25',
      }),
    );
    ids.intervention = await post(
      offerBody('1083', {
        name: testName('Udgående team'),
        legalBases: ['SEL_85'],
        address: undefined,
        parentOfferId: ids.parent,
        targetGroups: ['MENTAL_ILLNESS_SUBSTANCE_ABUSE'],
      }),
    );
    ids.private = await post(
      offerBody('1083', {
        name: testName('Opholdsstedet Lyngen'),
        legalBases: ['SEL_66_1_5'],
        level: 'MODERATE',
        status: 'INACTIVE',
        privateProvider: { cvr: '12345678', name: 'Lyngen ApS' },
      }),
    );
    const res = await agent.get('/api/v1/offers/hsds');
    expect(res.status).toBe(200);
    exported = res.body;
  });

  it('exports organization, service, location and service_at_location of the caller’s offers only', async () => {
    expect(Object.keys(exported).sort()).toEqual([
      'location',
      'organization',
      'service',
      'service_at_location',
    ]);
    expect(exported.service.map((s) => s.id)).toEqual(expect.arrayContaining(Object.values(ids)));
    expect(exported.organization.map((o) => o.name)).toEqual(
      expect.arrayContaining(['Region Syddanmark', 'Lyngen ApS']),
    );
    const all = await t.db.$queryRaw<
      { id: string }[]
    >`SELECT id::text FROM offer WHERE operator_org_code = '1083'`;
    expect(exported.service.map((s) => s.id).sort()).toEqual(all.map((r) => r.id).sort());
  });

  it('re-imported, gives the same offers back, after they were changed meanwhile', async () => {
    const offerIds = Object.values(ids); // this file's offers: the operator may hold others from earlier runs
    const original = await views(offerIds);
    const agent = await planner();
    await agent.put(`/api/v1/offers/${ids.private}/places`).set('If-Match', '"1"').send({ places: 3 });
    await agent
      .put(`/api/v1/offers/${ids.parent}`)
      .set('If-Match', '"1"')
      .send(offerBody('1083', { places: undefined, name: 'Renamed meanwhile', legalBases: ['SEL_108'] }));

    const before = new Date();
    const res = await agent.post('/api/v1/offers/hsds').send(exported);
    expect(res.status).toBe(200);
    expect(res.body.created).toEqual([]);
    expect(res.body.updated.sort()).toEqual([ids.parent, ids.private].sort());
    expect((await views(offerIds)).map(essence)).toEqual(original.map(essence));

    const places = await waitForEvent(
      TOPICS.offer,
      (e) =>
        e.key?.toString() === ids.private &&
        e.headers.ce_type === OfferPlacesChanged.type &&
        eventData<{ places: number }>(e).places === 10,
      { from: before },
    );
    expect(eventData(places)).toMatchObject({ previousPlaces: 3, places: 10, version: 3 });
    const updated = await waitForEvent(
      TOPICS.offer,
      (e) =>
        e.key?.toString() === ids.parent &&
        e.headers.ce_type === OfferUpdated.type &&
        eventData<{ version: number }>(e).version === 3,
      { from: before },
    );
    expect(eventData(updated)).toMatchObject({ name: original[offerIds.indexOf(ids.parent)].name });
  });

  it('changes nothing, and emits nothing, when imported again unchanged', async () => {
    const before = await writeCounts(t);
    const res = await (await planner()).post('/api/v1/offers/hsds').send(exported);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: [], updated: [] });
    expect(res.body.unchanged).toHaveLength(exported.service.length);
    expect(await writeCounts(t)).toEqual(before);
  });

  it('creates the services it does not know, interventions under their new parents', async () => {
    // This file's offers only, so the operator's directory does not double with every run.
    const own = new Set(Object.values(ids));
    const locations = new Set(
      exported.service_at_location.filter((sal) => own.has(sal.service_id)).map((sal) => sal.location_id),
    );
    const mine: HsdsDocument = {
      ...exported,
      service: exported.service.filter((s) => own.has(s.id)),
      service_at_location: exported.service_at_location.filter((sal) => own.has(sal.service_id)),
      location: exported.location.filter((l) => locations.has(l.id)),
    };
    const renamed = new Map(mine.service.map((s) => [s.id, randomUUID()]));
    const copy = JSON.parse(JSON.stringify(mine), (key, value) =>
      (key === 'id' || key === 'service_id' || key === 'value') && renamed.has(value)
        ? renamed.get(value)
        : value,
    ) as HsdsDocument;
    const res = await (await planner()).post('/api/v1/offers/hsds').send(copy);
    expect(res.status).toBe(200);
    expect(res.body.created.sort()).toEqual([...renamed.values()].sort());
    const [copied] = await views([renamed.get(ids.intervention)!]);
    expect(copied).toMatchObject({ version: 1, locationLess: true, parentOfferId: renamed.get(ids.parent) });
  });

  describe('refusing a bad file whole, with the path of the bad record', () => {
    const refused = async (identity: 'planner-1083' | 'planner-1081', doc: object) => {
      const before = await writeCounts(t);
      const res = await (await t.as(identity)).post('/api/v1/offers/hsds').send(doc);
      expect(res.status).toBe(400);
      expect(await writeCounts(t)).toEqual(before);
      return res.body.errors.map((e: { pointer: string }) => e.pointer) as string[];
    };

    it('an unknown target group in one service', async () => {
      const doc: HsdsDocument = JSON.parse(JSON.stringify(exported));
      doc.service[0].name = 'Would be renamed';
      const last = doc.service.length - 1;
      doc.service[last].attributes.find((a) => a.link_type === 'target_group')!.taxonomy_term!.code =
        'DRAGONS';
      expect(await refused('planner-1083', doc)).toEqual([
        expect.stringMatching(new RegExp(`^/service/${last}/targetGroups/\\d$`)),
      ]);
    });

    it('another region’s file (the organisation is not the caller’s)', async () => {
      const pointers = await refused('planner-1081', exported);
      expect(pointers).toContain('/service/0/organization_id');
    });

    it('a service whose id is another operator’s offer', async () => {
      const other = (await (await t.as('planner-1084')).post('/api/v1/offers').send(offerBody('1084'))).body
        .id;
      const doc: HsdsDocument = JSON.parse(JSON.stringify(exported));
      const i = doc.service.findIndex((s) => s.id === ids.private);
      doc.service[i].id = other;
      doc.service_at_location.find((sal) => sal.service_id === ids.private)!.service_id = other;
      expect(await refused('planner-1083', doc)).toEqual([`/service/${i}/id`]);
    });

    it('a file that is no HSDS document', async () => {
      expect(await refused('planner-1083', { services: [] })).toContain('/service');
    });
  });

  it('takes a whole directory as one file: an import may be larger than an ordinary request', async () => {
    const padding = 'x'.repeat(200_000);
    const agent = await planner();
    // HSDS tables this import does not use (contact, phone, …) are passed over; the size is what counts here.
    const large = await agent.post('/api/v1/offers/hsds').send({ service: [], contact: [{ note: padding }] });
    expect(large.status).toBe(200);
    expect(large.body).toMatchObject({ created: [], updated: [] });
    const ordinary = await agent.post('/api/v1/offers').send({ name: padding });
    expect(ordinary.status).toBe(413);
  });

  it('is for operators only: a case worker gets 403', async () => {
    const agent = await t.as('caseworker-751');
    expect((await agent.get('/api/v1/offers/hsds')).status).toBe(403);
    expect((await agent.post('/api/v1/offers/hsds').send(exported)).status).toBe(403);
  });
});
