import { registerOfferSchema } from '../offer/dto/offer-body.dto';
import { hsdsDocumentSchema, type HsdsDocument } from './hsds.schema';
import { fromHsds, locationIdOf, toHsds, type HsdsOffer } from './hsds-mapping';

const region = { orgType: 'region', orgCode: '1081' } as const;
const PARENT = '11111111-1111-4111-8111-111111111111';
const INTERVENTION = '22222222-2222-4222-8222-222222222222';
const PRIVATE = '33333333-3333-4333-8333-333333333333';

const offer = (overrides: Partial<HsdsOffer>): HsdsOffer => ({
  id: PARENT,
  name: 'Synscenter Nord',
  privateProviderCvr: null,
  privateProviderName: null,
  legalBases: ['SEL_104', 'SEL_108'],
  targetGroups: ['MENTAL_ILLNESS_SUBSTANCE_ABUSE', 'VISION'],
  level: 'HIGH',
  places: 12,
  ratePerDay: '2450.50',
  status: 'ACTIVE',
  street: 'Havnegade 1',
  postalCode: '9000',
  city: 'Aalborg',
  municipalityCode: '851',
  parentOfferId: null,
  ...overrides,
});

const offers = [
  offer({}),
  offer({
    id: INTERVENTION,
    name: 'Udgående synsteam',
    legalBases: ['SEL_85'],
    targetGroups: ['VISION'],
    places: 0,
    ratePerDay: null,
    status: 'INACTIVE',
    street: null,
    postalCode: null,
    city: null,
    parentOfferId: PARENT,
  }),
  offer({
    id: PRIVATE,
    name: 'Opholdsstedet Lyngen',
    privateProviderCvr: '12345678',
    privateProviderName: 'Lyngen ApS',
    legalBases: ['SEL_66_1_5'],
    level: 'MODERATE',
    municipalityCode: '860',
    city: 'Hjørring',
    postalCode: '9800',
    street: 'Lyngvej 3',
  }),
];

/** What the API would store from an offer: its declaration as POST /offers takes it. */
const declarationOf = (o: HsdsOffer) => ({
  name: o.name,
  legalBases: o.legalBases,
  targetGroups: o.targetGroups,
  level: o.level,
  places: o.places,
  status: o.status,
  ...(o.ratePerDay ? { ratePerDay: o.ratePerDay } : {}),
  ...(o.parentOfferId
    ? { parentOfferId: o.parentOfferId }
    : {
        address: {
          street: o.street,
          postalCode: o.postalCode,
          city: o.city,
          municipalityCode: o.municipalityCode,
        },
      }),
  ...(o.privateProviderCvr
    ? { privateProvider: { cvr: o.privateProviderCvr, name: o.privateProviderName } }
    : {}),
});

describe('HSDS 3.0 export', () => {
  const doc = toHsds(offers, region, '2027-03-01');

  it('gives one organization per operator and private provider, one service per offer', () => {
    expect(doc.organization.map((o) => o.name)).toEqual(['Region Nordjylland', 'Lyngen ApS']);
    expect(doc.service.map((s) => s.id)).toEqual([PARENT, INTERVENTION, PRIVATE]);
    expect(doc.service[2].organization_id).toBe(doc.organization[1].id);
    expect(doc.organization[1].organization_identifiers[0]).toMatchObject({
      identifier_scheme: 'DK-CVR',
      identifier: '12345678',
    });
  });

  it('puts an intervention at its parent’s location, which has the only address', () => {
    expect(doc.location.map((l) => l.id)).toEqual([locationIdOf(PARENT), locationIdOf(PRIVATE)]);
    const sal = doc.service_at_location.find((s) => s.service_id === INTERVENTION);
    expect(sal?.location_id).toBe(locationIdOf(PARENT));
    expect(doc.location[0].addresses[0]).toMatchObject({
      address_1: 'Havnegade 1',
      postal_code: '9000',
      country: 'DK',
    });
    expect(doc.location[0].attributes[0].taxonomy_term).toMatchObject({ code: 'SOCIALTILSYN_NORD' });
  });

  it('exports a target group with an FFB concept by its FFB code, the others by our code', () => {
    const groups = doc.service[0].attributes
      .filter((a) => a.link_type === 'target_group')
      .map((a) => a.taxonomy_term);
    expect(groups).toEqual([
      expect.objectContaining({
        code: 'MENTAL_ILLNESS_SUBSTANCE_ABUSE',
        taxonomy: 'urn:dk:social:target-group',
      }),
      expect.objectContaining({
        taxonomy: 'urn:oid:1.2.208.176.2.22',
        code: expect.stringMatching(/^[0-9a-f-]{36}$/),
      }),
    ]);
  });

  it('is the same document when made twice (ids derive from what they name)', () => {
    expect(toHsds(offers, region, '2027-03-01')).toEqual(doc);
  });

  it('has the fields HSDS 3.0 requires and reads back through the import schema', () => {
    expect(hsdsDocumentSchema.parse(JSON.parse(JSON.stringify(doc)))).toEqual(doc);
  });
});

describe('HSDS 3.0 import', () => {
  const doc = (): HsdsDocument => JSON.parse(JSON.stringify(toHsds(offers, region, '2027-03-01')));

  it('reads an export back to the same declarations', () => {
    const { records, problems } = fromHsds(doc(), region);
    expect(problems).toEqual([]);
    expect(records.map((r) => r.id)).toEqual([PARENT, INTERVENTION, PRIVATE]);
    records.forEach((r, i) => {
      const parsed = registerOfferSchema.parse(r.body);
      expect(parsed).toEqual(registerOfferSchema.parse(declarationOf(offers[i])));
    });
  });

  it('refuses services of another operator’s organisation', () => {
    const { problems } = fromHsds(doc(), { orgType: 'region', orgCode: '1084' });
    expect(problems).toContainEqual({
      pointer: '/service/0/organization_id',
      detail: 'is neither your organisation nor a private provider with a CVR number',
    });
  });

  it('names the path of a service without a location, and of a bad number of places', () => {
    const d = doc();
    d.service_at_location = d.service_at_location.filter((s) => s.service_id !== PARENT);
    d.service[2].attributes.find((a) => a.link_type === 'places')!.value = 'many';
    const { problems } = fromHsds(d, region);
    expect(problems.map((p) => p.pointer)).toEqual([
      '/service/0',
      expect.stringMatching(/^\/service\/2\/attributes\/\d+\/value$/),
    ]);
  });

  it('requires exactly one level', () => {
    const d = doc();
    d.service[0].attributes = d.service[0].attributes.filter((a) => a.link_type !== 'specialisation_level');
    expect(fromHsds(d, region).problems).toEqual([
      {
        pointer: '/service/0/attributes',
        detail: 'needs exactly one attribute with link_type "specialisation_level"',
      },
    ]);
  });

  it('reads a daily rate in DKK with at most 2 decimals', () => {
    const d = doc();
    d.service[0].cost_options[0].amount = 99.999;
    expect(fromHsds(d, region).problems).toEqual([
      { pointer: '/service/0/cost_options/0/amount', detail: 'at most 2 decimals' },
    ]);
  });
});
