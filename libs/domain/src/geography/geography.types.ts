/** Kommune. Codes are the DAGI/CPR municipality codes. */
export interface Municipality {
  /** 3 digits, no leading zero: '101' (the form CPR and most municipal systems use). */
  code: string;
  /** The same code as 4 characters with a leading zero: '0101' (the DAWA/DAGI `kode` form). */
  code4: string;
  /** Short name as in HL7 DK Core: 'København', 'Nordfyns'. */
  name: string;
  /** Official name as on borger.dk: 'Københavns Kommune', 'Bornholms Regionskommune'. */
  officialName: string;
}

/** Region. A region exists for a period; its municipalities are given by membership periods. */
export interface Region {
  /** 4-digit DAGI/CPR region code: '1084'. */
  code: string;
  name: string;
  /** ISO date, inclusive. */
  validFrom: string;
  /** ISO date, exclusive; absent while the region exists. */
  validTo?: string;
  /** True when the code is ours, not an official one, and may change when the official code is published. */
  provisional?: boolean;
  /** ISO 3166-2 subdivision code, where one is published: 'DK-84'. */
  iso3166_2?: string;
  /** NUTS 2 code, where one is published: 'DK01'. */
  nuts2?: string;
}

/** One period in which a municipality belongs to a region: [validFrom, validTo). */
export interface RegionMembership {
  municipalityCode: string;
  regionCode: string;
  validFrom: string;
  validTo?: string;
}
