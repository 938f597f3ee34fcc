/**
 * The legal bases an offer in the directory can be registered under (juridisk grundlag of a tilbud): the offer
 * types of Tilbudsportalen (shared/reference/tilbudsportalen.md § 2), plus SEL § 85 for mobile interventions.
 * LEGAL_BASIS_CODES includes them, so each has its provision (findLegalBasis) like every other legal basis.
 */
export const OFFER_LEGAL_BASIS_CODES = [
  'SEL_32',
  'SEL_36',
  'SEL_66_1_5',
  'SEL_66_1_6',
  'SEL_66_1_7',
  'SEL_85',
  'SEL_101',
  'SEL_101A',
  'SEL_103',
  'SEL_104',
  'SEL_107',
  'SEL_108',
  'SEL_109',
  'SEL_110',
  'BL_43',
] as const;

export type OfferLegalBasisCode = (typeof OFFER_LEGAL_BASIS_CODES)[number];
