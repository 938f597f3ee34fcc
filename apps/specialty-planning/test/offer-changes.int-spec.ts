import { OfferPlacesChanged, OfferUpdated, TOPICS } from '@platform/contracts';
import { eventData, waitForEvent, type TestService } from '@platform/testing';
import type { PrismaService } from '../src/database/prisma.service';
import { ADDRESSES, clearTestOffers, offerBody, testName } from './offer-fixtures';
import { usePlanning } from './support/service';

describe('changing offers: who may, If-Match, places, interventions (scenario 6)', () => {
  let t: TestService<PrismaService>;
  usePlanning((service) => (t = service));

  beforeAll(() => clearTestOffers(t));

  const register = async (identity: Parameters<TestService['as']>[0], body: Record<string, unknown>) =>
    (await t.as(identity)).post('/api/v1/offers').send(body);

  describe('who may write', () => {
    let offer: { id: string };
    beforeAll(async () => {
      offer = (await register('planner-1084', offerBody('1084'))).body;
    });

    it('answers region 1082 editing region 1084’s offer with 404, and audits the attempt as DENIED', async () => {
      const agent = await t.as('planner-1082');
      const edit = await agent
        .put(`/api/v1/offers/${offer.id}`)
        .set('If-Match', '"1"')
        .send(offerBody('1082', { places: undefined }));
      expect(edit.status).toBe(404);
      const places = await agent
        .put(`/api/v1/offers/${offer.id}/places`)
        .set('If-Match', '"1"')
        .send({ places: 1 });
      expect(places.status).toBe(404);
      const audit = await t.db.outboxMessage.findMany({
        where: { topic: 'audit.events.v1', messageKey: offer.id },
      });
      const denied = audit
        .map((a) => a.payload as { outcome: string; action: string; actor: { orgCode: string } })
        .filter((p) => p.outcome === 'DENIED' && p.actor.orgCode === '1082');
      expect(denied.map((p) => p.action).sort()).toEqual(['offer.edit', 'offer.places']);
      expect((await agent.get(`/api/v1/offers/${offer.id}`)).body.version).toBe(1);
    });

    it('lets a municipal case worker read the directory but not write it (403)', async () => {
      const agent = await t.as('caseworker-751');
      expect((await agent.get(`/api/v1/offers/${offer.id}`)).status).toBe(200);
      expect((await agent.get('/api/v1/offers')).status).toBe(200);
      expect((await agent.post('/api/v1/offers').send(offerBody('751'))).status).toBe(403);
      const put = await agent
        .put(`/api/v1/offers/${offer.id}/places`)
        .set('If-Match', '"1"')
        .send({ places: 2 });
      expect(put.status).toBe(403);
    });

    it('does not let the state register offers (403): operators are regions and municipalities', async () => {
      expect((await register('planner-state', offerBody('1084'))).status).toBe(403);
    });
  });

  describe('editing', () => {
    it('needs If-Match (428), refuses a stale one (412) and bumps the version with OfferUpdated', async () => {
      const created = (await register('planner-1081', offerBody('1081'))).body;
      const agent = await t.as('planner-1081');
      const edit = offerBody('1081', {
        places: undefined,
        name: created.name,
        level: 'MODERATE',
        status: 'INACTIVE',
      });
      const url = `/api/v1/offers/${created.id}`;
      expect((await agent.put(url).send(edit)).status).toBe(428);
      const stale = await agent.put(url).set('If-Match', '"7"').send(edit);
      expect(stale.status).toBe(412);
      expect(stale.headers.etag).toBe('"1"');

      const before = new Date();
      const ok = await agent.put(url).set('If-Match', 'W/"1"').send(edit);
      expect(ok.status).toBe(200);
      expect(ok.headers.etag).toBe('"2"');
      expect(ok.body).toMatchObject({ version: 2, level: 'MODERATE', status: 'INACTIVE', places: 10 });
      const event = await waitForEvent(
        TOPICS.offer,
        // Version 1's event may still be on its way (the relay is asynchronous): wait for version 2's.
        (e) =>
          e.key?.toString() === created.id &&
          e.headers.ce_type === OfferUpdated.type &&
          eventData<{ version: number }>(e).version === 2,
        { from: before },
      );
      expect(eventData(event)).toMatchObject({ version: 2, level: 'MODERATE', active: false });
    });

    it('sets places with OfferPlacesChanged and OfferUpdated, never below 0', async () => {
      const created = (await register('planner-1081', offerBody('1081', { places: 5 }))).body;
      const agent = await t.as('planner-1081');
      const url = `/api/v1/offers/${created.id}/places`;
      const negative = await agent.put(url).set('If-Match', '"1"').send({ places: -3 });
      expect(negative.status).toBe(400);
      expect(negative.body.errors[0].pointer).toBe('/places');

      const before = new Date();
      const res = await agent.put(url).set('If-Match', '"1"').send({ places: 8 });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ version: 2, places: 8, freePlaces: 8 });
      const changed = await waitForEvent(
        TOPICS.offer,
        (e) => e.key?.toString() === created.id && e.headers.ce_type === OfferPlacesChanged.type,
        { from: before },
      );
      expect(OfferPlacesChanged.schema.parse(eventData(changed))).toEqual({
        offerId: created.id,
        operatorOrgCode: '1081',
        previousPlaces: 5,
        places: 8,
        version: 2,
      });
      const updated = await waitForEvent(
        TOPICS.offer,
        (e) =>
          e.key?.toString() === created.id &&
          e.headers.ce_type === OfferUpdated.type &&
          eventData<{ version: number }>(e).version === 2,
        { from: before },
      );
      expect(eventData(updated)).toMatchObject({ places: 8 });
    });
  });

  describe('scenario 6: a location-less intervention', () => {
    it('is declared by region 1081 under one of its offers and listed there, with that address’s Socialtilsyn', async () => {
      const parent = (await register('planner-1081', offerBody('1081', { name: testName('Botilbud Nord') })))
        .body;
      const res = await register(
        'planner-1081',
        offerBody('1081', {
          name: testName('Udgående team'),
          legalBases: ['SEL_85'],
          address: undefined,
          parentOfferId: parent.id,
          places: 15,
        }),
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        locationLess: true,
        parentOfferId: parent.id,
        address: { street: 'Havnegade 1', municipality: { code: '851', name: 'Aalborg' } },
        supervisingAuthority: { code: 'SOCIALTILSYN_NORD', name: 'Socialtilsyn Nord' },
      });
      const listed = await (await t.as('caseworker-101')).get(`/api/v1/offers/${parent.id}`);
      expect(listed.body.interventions).toEqual([
        expect.objectContaining({ id: res.body.id, name: res.body.name, places: 15 }),
      ]);
      const search = await (
        await t.as('caseworker-101')
      ).get('/api/v1/offers?operator=1081&municipality=851&limit=200');
      const item = search.body.items.find((o: { id: string }) => o.id === res.body.id);
      expect(item).toMatchObject({ locationLess: true, supervisingAuthority: { code: 'SOCIALTILSYN_NORD' } });
    });

    it('cannot be declared under another region’s offer, nor under an intervention', async () => {
      const other = (await register('planner-1084', offerBody('1084'))).body;
      const refused = await register(
        'planner-1081',
        offerBody('1081', { address: undefined, parentOfferId: other.id }),
      );
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([
        { pointer: '/parentOfferId', detail: expect.stringMatching(/your offers/) },
      ]);

      const parent = (await register('planner-1081', offerBody('1081'))).body;
      const child = (
        await register('planner-1081', offerBody('1081', { address: undefined, parentOfferId: parent.id }))
      ).body;
      const nested = await register(
        'planner-1081',
        offerBody('1081', { address: undefined, parentOfferId: child.id }),
      );
      expect(nested.status).toBe(400);
    });

    it('moves with its parent: a new municipality reaches the intervention and its event', async () => {
      const agent = await t.as('planner-1081');
      const parent = (await register('planner-1081', offerBody('1081'))).body;
      const child = (
        await register('planner-1081', offerBody('1081', { address: undefined, parentOfferId: parent.id }))
      ).body;
      const moved = { ...ADDRESSES['1081'], city: 'Hjørring', postalCode: '9800', municipalityCode: '860' };
      const before = new Date();
      const edit = offerBody('1081', { name: parent.name, places: undefined, address: moved });
      expect((await agent.put(`/api/v1/offers/${parent.id}`).set('If-Match', '"1"').send(edit)).status).toBe(
        200,
      );
      const read = await agent.get(`/api/v1/offers/${child.id}`);
      expect(read.body).toMatchObject({
        version: 2,
        address: { city: 'Hjørring', municipality: { code: '860' } },
      });
      // Version 1's event may still be on its way (the relay is asynchronous): wait for version 2's.
      const event = await waitForEvent(
        TOPICS.offer,
        (e) => e.key?.toString() === child.id && eventData<{ version: number }>(e).version === 2,
        { from: before },
      );
      expect(eventData(event)).toMatchObject({
        municipalityCode: '860',
        parentOfferId: parent.id,
      });

      const elsewhere = (await register('planner-1081', offerBody('1081'))).body;
      const loseAddress = offerBody('1081', {
        name: parent.name,
        places: undefined,
        address: undefined,
        parentOfferId: elsewhere.id,
      });
      const conflict = await agent
        .put(`/api/v1/offers/${parent.id}`)
        .set('If-Match', '"2"')
        .send(loseAddress);
      expect(conflict.status).toBe(409); // its intervention would lose the address it is declared under
      expect(conflict.body).toMatchObject({ interventions: 1 });
    });
  });
});
