import { OFFER_LEGAL_BASIS_CODES } from '../offer-directory/offer-legal-bases';

/**
 * Retsgrundlag: the provisions the platform cites, with their law reference, from shared/reference/refusion.md
 * and specialeplan.md. The refusion rule set (bands, amounts per year) is data of its own; this list only
 * names the provisions so rule sets, expenses and events can say which one they rest on.
 * `validFrom`/`validTo` are set only where the sources confirm a date.
 */
export const LEGAL_BASIS_CODES = [
  'SEL_176',
  'SEL_176A',
  'BL_198',
  'BEK_CENTRAL_REFUSION',
  'BEK_STATE_REFUSION',
  'UKL_13_17',
  'SEL_182',
  'SEL_5',
  'SEL_6',
  'SEL_13',
  'SEL_13B',
  'SEL_13C',
  'BL_161',
  'SEL_186',
  'SEL_186A',
  'SEL_195',
  'STL_2',
  // Offer types of the directory (tilbudstyper): the directory's list is the one source of them
  ...OFFER_LEGAL_BASIS_CODES,
] as const;

export type LegalBasisCode = (typeof LEGAL_BASIS_CODES)[number];

export interface LegalBasis {
  code: LegalBasisCode;
  /** How the provision is cited in Danish: 'Serviceloven § 176'. */
  reference: string;
  titleDa: string;
  titleEn: string;
  /** Whose cases it covers, where the provision is limited to one side of the 18-year line. */
  appliesTo?: 'ADULT' | 'CHILD';
  validFrom?: string;
  validTo?: string;
  note?: string;
}

const sel = 'Serviceloven';

const movedToBarnetsLov =
  "Children's offers moved to Barnets lov on 2024-01-01; the Barnets-lov paragraph is not confirmed.";
const sel66 = (nr: number, titleDa: string, titleEn: string) => ({
  reference: `${sel} § 66, stk. 1, nr. ${nr}`,
  titleDa,
  titleEn,
  appliesTo: 'CHILD' as const,
  note: 'Since 2024-01-01 Barnets lov § 43 (BL_43); the stk./nr. of each place type there is not confirmed.',
});
const bases: Record<LegalBasisCode, Omit<LegalBasis, 'code'>> = {
  SEL_176: {
    reference: `${sel} § 176`,
    titleDa: 'Refusion for særligt dyre enkeltsager',
    titleEn: 'State refusion for particularly expensive single cases (adults and others under SEL)',
    appliesTo: 'ADULT',
    note: 'Three marginal bands 25/50/75 % since 2021-01-01 (L 197 2019-20); amounts at 2022 level in the law text.',
  },
  SEL_176A: {
    reference: `${sel} § 176 a`,
    titleDa: 'Refusion for særligt dyre enkeltsager (lavere tærskler)',
    titleEn: 'Refusion for expensive single cases with lower thresholds (repealed)',
    validTo: '2021-01-01',
    note: 'Repealed by L 197 (2019-20), lov nr. 1060 af 30/6 2020.',
  },
  BL_198: {
    reference: 'Barnets lov § 198',
    titleDa: 'Refusion for særligt dyre enkeltsager (børn og unge)',
    titleEn: 'State refusion for particularly expensive single cases (children and young people)',
    appliesTo: 'CHILD',
    validFrom: '2024-01-01',
    note: 'Same thresholds and percentages as SEL § 176; expenses claimed under SEL § 176 are left out (stk. 3).',
  },
  BEK_CENTRAL_REFUSION: {
    reference: 'Bekendtgørelse om den centrale refusionsordning efter lov om social service',
    titleDa: 'Den centrale refusionsordning',
    titleEn:
      'Executive order on the central refusion scheme (monthly calculation, household rule, over-67 rule)',
    note: 'BEK nr. 2430 af 14/12/2021 (amended by BEK nr. 181 af 31/01/2022), later BEK nr. 1485 af 06/12/2023.',
  },
  BEK_STATE_REFUSION: {
    reference: 'Bekendtgørelse om statsrefusion og tilskud samt regnskabsaflæggelse og revision … § 53',
    titleDa: 'Kvartalsvis anmodning om statsrefusion',
    titleEn: 'Quarterly claims for state refusion and grants',
    note: 'Version BEK nr. 1591 af 15/12/2017 consulted; newer versions exist.',
  },
  UKL_13_17: {
    reference: 'Lov om bekæmpelse af ungdomskriminalitet § 13, stk. 1, nr. 3-9, og §§ 14-17',
    titleDa: 'Foranstaltninger efter ungdomskriminalitetsloven',
    titleEn: 'Youth-crime measures counted in the refusion expense base',
  },
  SEL_182: {
    reference: `${sel} § 182, stk. 11`,
    titleDa: 'Regulering af beløbsgrænser',
    titleEn: 'Yearly regulation of the refusion thresholds',
  },
  SEL_5: {
    reference: `${sel} § 5`,
    titleDa: 'Regionsrådets forsyningsforpligtelse',
    titleEn: "The regions' duty to establish specialised offers by agreement with the municipalities",
  },
  SEL_6: {
    reference: `${sel} § 6`,
    titleDa: 'Rammeaftale',
    titleEn: 'Framework agreement between the municipalities of a region and the regional council',
  },
  SEL_13: {
    reference: `${sel} § 13`,
    titleDa: 'VISO – vejledende specialrådgivning',
    titleEn: 'VISO: free advisory specialist counselling in the most specialised single cases',
  },
  SEL_13B: {
    reference: `${sel} § 13 b`,
    titleDa: 'National koordinationsstruktur – centrale udmeldinger',
    titleEn: 'National coordination structure: central announcements of target groups and interventions',
  },
  SEL_13C: {
    reference: `${sel} § 13 c`,
    titleDa: 'Pålæg om at etablere eller videreføre tilbud',
    titleEn: 'Orders to establish, continue or merge offers, and to agree a financing model',
  },
  BL_161: {
    reference: 'Barnets lov § 161',
    titleDa: 'National koordinationsstruktur (børn)',
    titleEn: 'National coordination structure for children (mirrors SEL § 13 b)',
    appliesTo: 'CHILD',
  },
  SEL_186: {
    reference: `${sel} § 186`,
    titleDa: 'Kommunal overtagelse af regionale tilbud',
    titleEn: 'Municipal takeover of regional offers',
    note: 'Under the specialty-planning model regional offers cannot be taken over (DOMAIN rule 5); the date is not confirmed.',
  },
  SEL_186A: {
    reference: `${sel} § 186 a`,
    titleDa: 'Overtagelse efter udmelding eller pålæg',
    titleEn: 'Takeover after a central announcement or order, with approval',
  },
  SEL_195: {
    reference: `${sel} § 195`,
    titleDa: 'Regionernes overtagelse af amternes tilbud',
    titleEn: "The regions' takeover of the former counties' social offers",
    validFrom: '2007-01-01',
  },
  STL_2: {
    reference: 'Lov om socialtilsyn § 2',
    titleDa: 'Socialtilsynene',
    titleEn: 'The five municipal supervision authorities (Socialtilsyn)',
  },
  // Offer types of the directory (tilbudsportalen.md § 2). Children's bases moved to Barnets lov on 2024-01-01;
  // the portal's list still uses SEL numbering. No validTo on them: offers approved before 2024 keep them.
  SEL_32: {
    reference: `${sel} § 32`,
    titleDa: 'Særlige dagtilbud',
    titleEn: 'Special day-care offers for children with disabilities',
    appliesTo: 'CHILD',
    note: movedToBarnetsLov,
  },
  SEL_36: {
    reference: `${sel} § 36`,
    titleDa: 'Særlige klubtilbud',
    titleEn: 'Special club offers for older children and young people',
    appliesTo: 'CHILD',
    note: movedToBarnetsLov,
  },
  SEL_66_1_5: sel66(5, 'Private opholdssteder', 'Private residential care homes (opholdssteder)'),
  SEL_66_1_6: sel66(6, 'Døgninstitutioner', 'Residential institutions for children and young people'),
  SEL_66_1_7: sel66(
    7,
    'Delte døgninstitutioner',
    'Shared residential institutions (delte døgninstitutioner)',
  ),
  SEL_85: {
    reference: `${sel} § 85`,
    titleDa: 'Socialpædagogisk støtte',
    titleEn: 'Socio-educational support, also as a mobile (location-less) offer',
    appliesTo: 'ADULT',
    note: 'On the portal only as part of a botilbudslignende tilbud (socialtilsynsloven § 4, stk. 1, nr. 3).',
  },
  SEL_101: {
    reference: `${sel} § 101`,
    titleDa: 'Behandling for stofmisbrug',
    titleEn: 'Treatment for substance abuse',
  },
  SEL_101A: {
    reference: `${sel} § 101 a`,
    titleDa: 'Anonym ambulant behandling for stofmisbrug',
    titleEn: 'Anonymous outpatient treatment for substance abuse',
  },
  SEL_103: {
    reference: `${sel} § 103`,
    titleDa: 'Beskyttet beskæftigelse',
    titleEn: 'Sheltered employment',
    appliesTo: 'ADULT',
  },
  SEL_104: {
    reference: `${sel} § 104`,
    titleDa: 'Aktivitets- og samværstilbud',
    titleEn: 'Activity and social-contact offers',
    appliesTo: 'ADULT',
  },
  SEL_107: {
    reference: `${sel} § 107`,
    titleDa: 'Midlertidige botilbud',
    titleEn: 'Temporary residential offers for adults',
    appliesTo: 'ADULT',
  },
  SEL_108: {
    reference: `${sel} § 108`,
    titleDa: 'Længerevarende botilbud',
    titleEn: 'Long-term residential offers for adults',
    appliesTo: 'ADULT',
  },
  SEL_109: { reference: `${sel} § 109`, titleDa: 'Krisecentre', titleEn: 'Women’s crisis centres' },
  SEL_110: {
    reference: `${sel} § 110`,
    titleDa: 'Herberger og forsorgshjem',
    titleEn: 'Shelters and hostels for homeless people',
  },
  BL_43: {
    reference: 'Barnets lov § 43',
    titleDa: 'Anbringelsessteder',
    titleEn: 'Places of placement for children and young people (successor of SEL § 66)',
    appliesTo: 'CHILD',
    validFrom: '2024-01-01',
    note: 'Barnets lov §§ 43 ff. per tilbudsportalen.md; the paragraph and its numbering are not confirmed.',
  },
};

export const LEGAL_BASES: readonly LegalBasis[] = Object.freeze(
  LEGAL_BASIS_CODES.map((code) => Object.freeze({ code, ...bases[code] })),
);
