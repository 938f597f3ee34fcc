import type { RegisterOfferInput } from './dto/offer-body.dto';
import type { OfferView } from './offer.view';

export const REGISTER_OFFER_EXAMPLE: RegisterOfferInput = {
  name: 'Synscenter Vest',
  legalBases: ['SEL_104', 'SEL_108'],
  targetGroups: ['VISION'],
  level: 'HIGH',
  places: 12,
  address: { street: 'Skovvej 12', postalCode: '8000', city: 'Aarhus C', municipalityCode: '751' },
  ratePerDay: '2450.50',
  status: 'ACTIVE',
};

export const INTERVENTION_EXAMPLE = {
  name: 'Udgående synsteam',
  legalBases: ['SEL_85'],
  targetGroups: ['VISION'],
  level: 'HIGH',
  places: 20,
  parentOfferId: '3f1c9a52-6f0e-4c1b-9a57-0a2e6f1d2b44',
};

export const OFFER_VIEW_EXAMPLE: OfferView = {
  id: '3f1c9a52-6f0e-4c1b-9a57-0a2e6f1d2b44',
  version: 1,
  name: 'Synscenter Vest',
  operator: { type: 'region', code: '1082', name: 'Region Midtjylland' },
  legalBases: [
    { code: 'SEL_104', reference: 'Serviceloven § 104' },
    { code: 'SEL_108', reference: 'Serviceloven § 108' },
  ],
  targetGroups: [{ code: 'VISION', ffbCode: null, name: 'Synshandicap' }],
  level: 'HIGH',
  places: 12,
  occupied: 9,
  freePlaces: 3,
  status: 'ACTIVE',
  ratePerDay: '2450.50',
  address: {
    street: 'Skovvej 12',
    postalCode: '8000',
    city: 'Aarhus C',
    municipality: { code: '751', name: 'Aarhus' },
  },
  locationLess: false,
  parentOfferId: null,
  supervisingAuthority: { code: 'SOCIALTILSYN_MIDT', name: 'Socialtilsyn Midt' },
  interventions: [],
  functions: [],
  updatedAt: '2027-01-15T09:30:00.000Z',
};
