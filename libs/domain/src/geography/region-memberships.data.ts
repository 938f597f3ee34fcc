import type { RegionMembership } from './geography.types';

/**
 * Which region each municipality belongs to, as periods [validFrom, validTo). Data, not code: the next
 * change to the map is a new row here, and a case dated before it keeps its old region.
 * 2007-01-01: the structural reform (5 regions, 98 municipalities; DST "Regioner, landsdele og kommuner, v1:2007-").
 * 2027-01-01: Region Hovedstaden (1084) and Region Sjælland (1085) merge into Region Østdanmark (L 214 2024-25),
 * which holds exactly their 46 municipalities. 1086 is our provisional code for it (see regions.data.ts).
 */
interface MembershipBlock {
  regionCode: string;
  validFrom: string;
  validTo?: string;
  municipalityCodes: readonly string[];
}

const BLOCKS: readonly MembershipBlock[] = [
  {
    // Region Nordjylland: 11 municipalities
    regionCode: '1081',
    validFrom: '2007-01-01',
    municipalityCodes: [
      '773', '787', '810', '813', '820', '825', '840', '846', '849', '851', '860',
    ],
  },
  {
    // Region Midtjylland: 19 municipalities
    regionCode: '1082',
    validFrom: '2007-01-01',
    municipalityCodes: [
      '615', '657', '661', '665', '671', '706', '707', '710', '727', '730', '740', '741',
      '746', '751', '756', '760', '766', '779', '791',
    ],
  },
  {
    // Region Syddanmark: 22 municipalities
    regionCode: '1083',
    validFrom: '2007-01-01',
    municipalityCodes: [
      '410', '420', '430', '440', '450', '461', '479', '480', '482', '492', '510', '530',
      '540', '550', '561', '563', '573', '575', '580', '607', '621', '630',
    ],
  },
  {
    // Region Hovedstaden: 29 municipalities
    regionCode: '1084',
    validFrom: '2007-01-01', validTo: '2027-01-01',
    municipalityCodes: [
      '101', '147', '151', '153', '155', '157', '159', '161', '163', '165', '167', '169',
      '173', '175', '183', '185', '187', '190', '201', '210', '217', '219', '223', '230',
      '240', '250', '260', '270', '400',
    ],
  },
  {
    // Region Sjælland: 17 municipalities
    regionCode: '1085',
    validFrom: '2007-01-01', validTo: '2027-01-01',
    municipalityCodes: [
      '253', '259', '265', '269', '306', '316', '320', '326', '329', '330', '336', '340',
      '350', '360', '370', '376', '390',
    ],
  },
  {
    // Region Østdanmark: the 46 municipalities of Hovedstaden (29) and Sjælland (17)
    regionCode: '1086',
    validFrom: '2027-01-01',
    municipalityCodes: [
      '101', '147', '151', '153', '155', '157', '159', '161', '163', '165', '167', '169',
      '173', '175', '183', '185', '187', '190', '201', '210', '217', '219', '223', '230',
      '240', '250', '260', '270', '400', '253', '259', '265', '269', '306', '316', '320',
      '326', '329', '330', '336', '340', '350', '360', '370', '376', '390',
    ],
  },
];

export const REGION_MEMBERSHIPS: readonly RegionMembership[] = Object.freeze(
  BLOCKS.flatMap(({ municipalityCodes, ...period }) => municipalityCodes.map((municipalityCode) => Object.freeze({ municipalityCode, ...period }))),
);
