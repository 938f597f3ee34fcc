import { isoDateView, namedSchema, uuidView } from '@platform/http';
import { dayOf } from '@platform/persistence';
import { z } from 'zod';
import { isValidOn, orgTypeOfCode, placeOf, type FunctionPlace } from './domain/advisory-function';
import { toFacts, type RosterRow } from './environment.repository';

const FUNCTION_STATUSES = ['ACTIVE', 'NOT_YET_VALID', 'EXPIRED'] as const;

export const advisoryFunctionViewSchema = namedSchema(
  'AdvisoryFunctionView',
  z
    .object({
      id: uuidView.meta({ description: "The function in knowledge's roster (advice cases name it)" }),
      functionId: uuidView.nullable().meta({ description: "Specialty planning's id of the approval" }),
      targetGroup: z.string(),
      validFrom: isoDateView,
      validTo: isoDateView.meta({ description: 'The last day of validity (inclusive)' }),
      minimumYearlyVolume: z.number().int(),
      status: z.enum(FUNCTION_STATUSES).meta({ description: 'On the date asked (`on`)' }),
      expiryAnnounced: z.boolean().meta({ description: 'Planning announced that the approval ends soon' }),
    })
    .meta({ description: 'An approved advisory function (rådgivningsfunktion) of a knowledge environment' }),
);

export const environmentViewSchema = namedSchema(
  'KnowledgeEnvironmentView',
  z
    .object({
      offerId: uuidView,
      name: z
        .string()
        .nullable()
        .meta({ description: "The offer's name; null until planning sent the offer" }),
      operator: z.object({ orgType: z.string(), orgCode: z.string() }).nullable(),
      municipalityCode: z.string().nullable(),
      regionCode: z
        .string()
        .nullable()
        .meta({ description: 'The region it lies in on the date asked; null: national' }),
      active: z.boolean().meta({ description: 'Holds an active advisory function on the date asked' }),
      targetGroups: z
        .array(z.string())
        .meta({ description: 'Target groups it advises on, on the date asked' }),
      functions: z.array(advisoryFunctionViewSchema),
    })
    .meta({ description: 'A knowledge environment (vidensmiljø): an offer holding advisory functions' }),
);

export const environmentListSchema = namedSchema(
  'KnowledgeEnvironmentList',
  z.object({ on: isoDateView, items: z.array(environmentViewSchema) }),
);

export type EnvironmentView = z.infer<typeof environmentViewSchema>;

function functionStatus(row: RosterRow, on: string): (typeof FUNCTION_STATUSES)[number] {
  if (isValidOn({ validFrom: dayOf(row.validFrom), validTo: dayOf(row.validTo) }, on)) return 'ACTIVE';
  return dayOf(row.validFrom) > on ? 'NOT_YET_VALID' : 'EXPIRED';
}

/** The roster grouped by offer: one environment per offer, its functions in order, read on one date. */
export function toEnvironments(rows: RosterRow[], on: string): EnvironmentView[] {
  const byOffer = new Map<string, RosterRow[]>();
  for (const row of rows) byOffer.set(row.offerId, [...(byOffer.get(row.offerId) ?? []), row]);
  return [...byOffer.values()].map((functions) => toEnvironment(functions, on));
}

function toEnvironment(functions: RosterRow[], on: string): EnvironmentView {
  const { offer } = functions[0];
  const place: FunctionPlace | undefined = placeOf(toFacts(functions[0]), on);
  const views = functions.map((f) => ({
    id: f.id,
    functionId: f.planningFunctionId,
    targetGroup: f.targetGroup,
    validFrom: dayOf(f.validFrom),
    validTo: dayOf(f.validTo),
    minimumYearlyVolume: f.minimumYearlyVolume,
    status: functionStatus(f, on),
    expiryAnnounced: f.expiryAnnouncedAt !== null,
  }));
  const active = views.filter((v) => v.status === 'ACTIVE' && (offer?.active ?? true));
  return {
    offerId: functions[0].offerId,
    name: offer?.name ?? null,
    operator: offer
      ? { orgType: offer.operatorOrgType, orgCode: offer.operatorOrgCode }
      : functions[0].operatorOrgCode
        ? {
            orgType: orgTypeOfCode(functions[0].operatorOrgCode) ?? 'region',
            orgCode: functions[0].operatorOrgCode,
          }
        : null,
    municipalityCode: offer?.municipalityCode ?? null,
    regionCode: place?.kind === 'region' ? place.regionCode : null,
    active: active.length > 0,
    targetGroups: [...new Set(active.map((v) => v.targetGroup))].sort(),
    functions: views,
  };
}
