import { regionOfMunicipality } from '../geography/geography';

/**
 * The five Socialtilsyn of lov om socialtilsyn § 2: five municipalities approve and supervise the social offers
 * of the five areas that were the regions of 2007. The 2027 merger of Hovedstaden and Sjælland into Østdanmark
 * moves no Socialtilsyn area, so an offer's Socialtilsyn is read from its municipality's region on the last day
 * of the five regions (AREA_DATE), whatever today's date is.
 *
 * Not modelled: § 2 stk. 3 (a Socialtilsyn takes over an offer from another area, e.g. when the municipality
 * that hosts a Socialtilsyn runs the offer itself), and the koncern rule (the head address decides).
 */
export interface Socialtilsyn {
  /** Our code: 'SOCIALTILSYN_NORD'. */
  code: string;
  name: string;
  /** The municipality that is the Socialtilsyn (§ 2 stk. 1). */
  hostMunicipalityCode: string;
  /** The 2007 region whose area it covers. */
  areaRegionCode: string;
}

/** The day the five 2007 regions last existed: the areas of lov om socialtilsyn § 2 are theirs. */
export const SOCIALTILSYN_AREA_DATE = '2026-12-31';

export const SOCIALTILSYN: readonly Socialtilsyn[] = Object.freeze(
  [
    {
      code: 'SOCIALTILSYN_NORD',
      name: 'Socialtilsyn Nord',
      hostMunicipalityCode: '860',
      areaRegionCode: '1081',
    },
    {
      code: 'SOCIALTILSYN_MIDT',
      name: 'Socialtilsyn Midt',
      hostMunicipalityCode: '740',
      areaRegionCode: '1082',
    },
    {
      code: 'SOCIALTILSYN_SYD',
      name: 'Socialtilsyn Syd',
      hostMunicipalityCode: '430',
      areaRegionCode: '1083',
    },
    {
      code: 'SOCIALTILSYN_HOVEDSTADEN',
      name: 'Socialtilsyn Hovedstaden',
      hostMunicipalityCode: '147',
      areaRegionCode: '1084',
    },
    {
      code: 'SOCIALTILSYN_OEST',
      name: 'Socialtilsyn Øst',
      hostMunicipalityCode: '316',
      areaRegionCode: '1085',
    },
  ].map((s) => Object.freeze(s)),
);

const byArea = new Map(SOCIALTILSYN.map((s) => [s.areaRegionCode, s]));

/**
 * The Socialtilsyn that supervises an offer at an address in the municipality ('101' or '0101'). Throws
 * UnknownMunicipalityError for a code that names no municipality.
 */
export function socialtilsynOf(municipalityCode: string): Socialtilsyn {
  const region = regionOfMunicipality(municipalityCode, SOCIALTILSYN_AREA_DATE);
  const supervisor = byArea.get(region.code);
  // Every municipality belongs to one of the five regions on AREA_DATE (the geography data is complete).
  if (!supervisor) throw new RangeError(`no Socialtilsyn covers region ${region.code}`);
  return supervisor;
}
