import { municipalitiesOfRegion, regionOfMunicipality, regionsOn } from './geography';

/**
 * Population per region on 1 January of a year (folketal, Danmarks Statistik, Statistikbanken table FOLK1A:
 * "Folketal den 1. i kvartalet efter område, køn, alder, civilstand og tid"; 1 January is the first quarter).
 * Only figures found in a source are here, each with the source and the day it was read (2026-11-26); no year
 * is filled in or estimated. Where a source is a copy of FOLK1A rather than Statistikbanken itself, it says so.
 *
 * - 2019-01-01: Bolius, "Her er de største og mindste kommuner i Danmark", the 2019 version of the page
 *   ("Opgørelsen over folketallet i 1. kvartal 2019 i de danske regioner", "Kilde: Danmarks Statistik, Folk1A"),
 *   https://www.bolius.dk/her-er-de-stoerste-og-mindste-kommuner-i-danmark-40500?utm_campaign=4519&utm_source=soendagsavisen&utm_medium=referral
 *   (the page is rewritten each year) — the five add up to the 5 806 081 the page gives for Denmark.
 *   [V: a copy of FOLK1A naming the table and the quarter]
 * - 2024-01-01: Wikipedia (nl), "Regio's van Denemarken" ("Inwonertal 2024. Bron: Danmarks
 *   Statistik/Statistikbanken"), https://nl.m.wikipedia.org/wiki/Regio_van_Denemarken — the five add up to the
 *   5 961 249 given there for Denmark. [P: the source names the year and Statistikbanken, not the quarter]
 *
 * Not found in the sources consulted: 2020–2023 and 2025–2026 per region (only national totals were found).
 */
export interface PopulationReference {
  /** The day counted: 1 January. */
  date: string;
  /** Inhabitants per region code of that day. */
  byRegion: Readonly<Record<string, number>>;
  source: string;
}

export const REGION_POPULATION: readonly PopulationReference[] = Object.freeze([
  {
    date: '2019-01-01',
    byRegion: { '1081': 589_755, '1082': 1_320_678, '1083': 1_223_348, '1084': 1_835_562, '1085': 836_738 },
    source:
      'Danmarks Statistik FOLK1A, 1. kvartal 2019, via https://www.bolius.dk/her-er-de-stoerste-og-mindste-kommuner-i-danmark-40500 (2019 version)',
  },
  {
    date: '2024-01-01',
    byRegion: { '1081': 593_135, '1082': 1_365_688, '1083': 1_238_406, '1084': 1_911_067, '1085': 852_953 },
    source:
      'Danmarks Statistik/Statistikbanken, 2024, via https://nl.m.wikipedia.org/wiki/Regio_van_Denemarken',
  },
]);

/**
 * The population weights of a year's regions (those that exist on 1 January of the year) from the latest
 * reference on or before that day. A region formed by a merger counts the regions it was formed of: each
 * reference region's inhabitants go to the region its municipalities belong to on the year's first day
 * (2027: Østdanmark counts Hovedstaden and Sjælland). Null when no reference is that old.
 */
export function populationWeights(
  year: number,
  references: readonly PopulationReference[] = REGION_POPULATION,
): { weights: Record<string, number>; reference: PopulationReference } | null {
  const day = `${year}-01-01`;
  const reference = [...references]
    .filter((r) => r.date <= day)
    .sort((a, b) => b.date.localeCompare(a.date))[0];
  if (!reference) return null;
  const weights: Record<string, number> = Object.fromEntries(regionsOn(day).map((r) => [r.code, 0]));
  for (const [code, inhabitants] of Object.entries(reference.byRegion)) {
    const member = municipalitiesOfRegion(code, reference.date)[0];
    if (!member) continue;
    const now = regionOfMunicipality(member.code, day).code;
    weights[now] = (weights[now] ?? 0) + inhabitants;
  }
  return { weights, reference };
}
