import type { OfferRow } from '../offer.repository';
import { freePlacesOf, type OfferDeclaration } from './offer';
import { InvalidParentOffer, OfferHasInterventions } from './offer.errors';
import { assertMayLoseAddress, assertParentAllowed, changedColumns, declaredColumns } from './offer-rules';

const region1081 = { orgType: 'region', orgCode: '1081' } as const;
const address = { street: 'Havnegade 1', postalCode: '9000', city: 'Aalborg', municipalityCode: '851' };

const row = (overrides: Partial<OfferRow> = {}): OfferRow => ({
  id: '00000000-0000-4000-8000-000000000001',
  version: 1,
  name: 'Synscenter Nord',
  operatorOrgType: 'region',
  operatorOrgCode: '1081',
  privateProviderCvr: null,
  privateProviderName: null,
  legalBases: ['SEL_108'],
  targetGroups: ['VISION'],
  level: 'HIGH',
  places: 10,
  ratePerDay: '2450.50',
  status: 'ACTIVE',
  street: address.street,
  postalCode: address.postalCode,
  city: address.city,
  municipalityCode: '851',
  parentOfferId: null,
  createdAt: new Date(),
  updatedAt: new Date(),
  ...overrides,
});

const declaration = (overrides: Partial<OfferDeclaration> = {}): OfferDeclaration => ({
  name: 'Synscenter Nord',
  legalBases: ['SEL_108'],
  targetGroups: ['VISION'],
  level: 'HIGH',
  address,
  ratePerDay: '2450.50',
  status: 'ACTIVE',
  ...overrides,
});

describe('a location-less intervention (rule 9)', () => {
  const parent = row();

  it('is declared under an offer of the same operator that has an address', () => {
    expect(() => assertParentAllowed(parent, region1081, 'another-id')).not.toThrow();
  });

  it('cannot be declared under another operator’s offer, nor under an offer that does not exist', () => {
    expect(() => assertParentAllowed(parent, { orgType: 'region', orgCode: '1084' }, 'x')).toThrow(
      InvalidParentOffer,
    );
    expect(() => assertParentAllowed(parent, { orgType: 'municipality', orgCode: '1081' }, 'x')).toThrow(
      InvalidParentOffer,
    );
    expect(() => assertParentAllowed(null, region1081, 'x')).toThrow('must be one of your offers');
  });

  it('cannot be declared under another intervention, nor under itself', () => {
    const intervention = row({ parentOfferId: parent.id, street: null, postalCode: null, city: null });
    expect(() => assertParentAllowed(intervention, region1081, 'x')).toThrow(/itself a location-less/);
    expect(() => assertParentAllowed(parent, region1081, parent.id)).toThrow(/under itself/);
  });

  it('takes the municipality of its parent’s address and keeps no address of its own', () => {
    const columns = declaredColumns(declaration({ address: undefined, parentOfferId: parent.id }), parent);
    expect(columns).toMatchObject({ street: null, postalCode: null, city: null, municipalityCode: '851' });
    expect(columns.parentOfferId).toBe(parent.id);
  });

  it('keeps an offer that has interventions from giving up its address', () => {
    expect(() => assertMayLoseAddress(2)).toThrow(OfferHasInterventions);
    expect(() => assertMayLoseAddress(0)).not.toThrow();
  });
});

describe('an edit', () => {
  it('changes nothing when the declaration is the same, in whatever order its lists come', () => {
    const current = row({ legalBases: ['SEL_104', 'SEL_108'], targetGroups: ['AUTISM', 'VISION'] });
    const same = declaration({
      legalBases: ['SEL_108', 'SEL_104', 'SEL_108'],
      targetGroups: ['VISION', 'AUTISM'],
    });
    expect(changedColumns(current, declaredColumns(same, null))).toEqual({});
  });

  it('reads "2450.5" and "2450.50" as one rate', () => {
    expect(changedColumns(row(), declaredColumns(declaration({ ratePerDay: '2450.5' }), null))).toEqual({});
  });

  it('names only the columns that change', () => {
    const next = declaredColumns(declaration({ level: 'MODERATE', ratePerDay: undefined }), null);
    expect(changedColumns(row(), next)).toEqual({ level: 'MODERATE', ratePerDay: null });
  });
});

describe('free places (ledige pladser)', () => {
  it('are the places not occupied, never below 0', () => {
    expect(freePlacesOf(10, 7)).toBe(3);
    expect(freePlacesOf(2, 5)).toBe(0);
  });
});
