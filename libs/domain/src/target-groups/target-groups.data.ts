/**
 * Målgrupper: the platform's target-group codes, each with the KL FFB concept it matches where the FFB code
 * system (shared/reference/terminology/CodeSystem-FFB.json, Målgruppe branch) has one. The combined groups of
 * the regions' proposal (e.g. mental illness AND substance abuse) have no single FFB concept, so their
 * `ffbCode` is undefined rather than a partial match that would mis-classify incoming FFB codes.
 * Responsibility (MUNICIPAL/REGIONAL) is not here: it changes over time and is owned by specialty planning.
 */
export const FFB_CODE_SYSTEM = 'urn:oid:1.2.208.176.2.22';
export const FFB_CODE_SYSTEM_VERSION = '20240530';

export const TARGET_GROUP_CODES = [
  'MULTIPLE_FUNCTIONAL_IMPAIRMENTS',
  'COMPLEX_COMMUNICATION',
  'MENTAL_ILLNESS_SUBSTANCE_ABUSE',
  'INTELLECTUAL_DISABILITY_BEHAVIOUR',
  'YOUTH_SECURE_INSTITUTIONS',
  'CHILDREN_COMPLEX_DIFFICULTIES',
  'ACQUIRED_BRAIN_INJURY',
  'EATING_DISORDERS',
  'AUTISM',
  'VISION',
  'HEARING',
] as const;

export type TargetGroupCode = (typeof TARGET_GROUP_CODES)[number];

export interface TargetGroup {
  code: TargetGroupCode;
  nameDa: string;
  nameEn: string;
  /** FFB concept code (UUID) in FFB_CODE_SYSTEM, where one matches. */
  ffbCode?: string;
  /** The FFB concept's display, kept so the mapping can be checked by eye. */
  ffbDisplay?: string;
}

const groups: Record<TargetGroupCode, Omit<TargetGroup, 'code'>> = {
  // The six groups proposed for regional responsibility (004_…), each for children, young people and adults.
  MULTIPLE_FUNCTIONAL_IMPAIRMENTS: {
    nameDa:
      'Multiple funktionsnedsættelser, herunder komplekse sjældne diagnoser og kompleks erhvervet hjerneskade',
    nameEn: 'Multiple functional impairments, incl. complex rare diagnoses and complex acquired brain injury',
    ffbCode: 'f1c7ee41-21b4-4dba-9424-c874bf72b5e7',
    ffbDisplay: 'Multipel funktionsnedsættelse',
  },
  // Also covers "communication disabilities" of 000_…: one FFB concept, so one platform code.
  COMPLEX_COMMUNICATION: {
    nameDa: 'Komplekse kommunikationshandicap',
    nameEn: 'Complex communication disabilities',
    ffbCode: '5cb8997c-eb10-477f-b653-b2a5ff11ce7d',
    ffbDisplay: 'Kommunikationsnedsættelse',
  },
  MENTAL_ILLNESS_SUBSTANCE_ABUSE: {
    nameDa: 'Sindslidelse kombineret med misbrug og/eller omfattende problemskabende adfærd',
    nameEn: 'Mental illness combined with substance abuse and/or extensive problem-creating behaviour',
  },
  INTELLECTUAL_DISABILITY_BEHAVIOUR: {
    nameDa:
      'Udviklingshæmning kombineret med misbrug og/eller problemskabende adfærd, evt. dømt eller i surrogatanbringelse',
    nameEn:
      'Intellectual disability combined with substance abuse and/or problem-creating behaviour, possibly sentenced or in custody surrogate',
  },
  YOUTH_SECURE_INSTITUTIONS: {
    nameDa:
      'Børn og unge med omfattende sociale problemer anbragt på sikrede eller delvist lukkede institutioner eller idømt ungdomssanktion',
    nameEn:
      'Children and youth with extensive social problems placed in secure or partly closed institutions or sentenced to youth sanction',
  },
  CHILDREN_COMPLEX_DIFFICULTIES: {
    nameDa:
      'Børn, herunder spædbørn, og unge med særligt komplekse sociale og/eller følelsesmæssige vanskeligheder',
    nameEn: 'Children incl. infants and youth with particularly complex social and/or emotional difficulties',
  },
  // The groups named in 000_…; autism, acquired brain injury and vision were the specialty-planning pilots.
  ACQUIRED_BRAIN_INJURY: {
    nameDa: 'Erhvervet hjerneskade',
    nameEn: 'Acquired brain injury',
    ffbCode: 'd26f97e8-99ed-46a9-94db-93340f77a950',
    ffbDisplay: 'Erhvervet hjerneskade',
  },
  EATING_DISORDERS: {
    nameDa: 'Svære spiseforstyrrelser',
    nameEn: 'Severe eating disorders',
    ffbCode: '192b7d79-415c-4f4f-9223-607938ecbe97',
    ffbDisplay: 'Spiseforstyrrelse',
  },
  AUTISM: {
    nameDa: 'Autisme',
    nameEn: 'Autism',
    ffbCode: '9b3fd322-a75a-4ed8-9b74-425fa1e01c95',
    ffbDisplay: 'Autismespektrum',
  },
  VISION: {
    nameDa: 'Synsnedsættelse',
    nameEn: 'Vision impairment',
    ffbCode: '615310e8-f702-4455-910b-9d6d8aa684fb',
    ffbDisplay: 'Synsnedsættelse',
  },
  HEARING: {
    nameDa: 'Hørenedsættelse',
    nameEn: 'Hearing impairment',
    ffbCode: '7ef8be83-90d1-4375-b1cb-24710bea21c7',
    ffbDisplay: 'Hørenedsættelse',
  },
};

export const TARGET_GROUPS: readonly TargetGroup[] = Object.freeze(
  TARGET_GROUP_CODES.map((code) => Object.freeze({ code, ...groups[code] })),
);
