import { namedSchema, uuidView } from '@platform/http';
import { z } from 'zod';

const counts = {
  year: z.number().int(),
  citizensAdvised: z
    .number()
    .int()
    .meta({ description: 'Distinct citizens (pseudonyms) given advice in the year' }),
  adviceGiven: z.number().int(),
  adviceOnTime: z.number().int().meta({ description: 'Advice given by its deadline' }),
  adviceFollowed: z.number().int().meta({ description: 'Decisions that followed the advice' }),
  adviceDeviatedFrom: z
    .number()
    .int()
    .meta({ description: 'Decisions that deviated from the advice (rule 4)' }),
};

export const functionMetricsSchema = namedSchema(
  'AdvisoryFunctionMetrics',
  z.object({
    advisoryFunctionId: uuidView.nullable().meta({ description: 'null: the national function (no offer)' }),
    functionId: uuidView.nullable().meta({ description: "Specialty planning's id of the approval" }),
    offerId: uuidView.nullable(),
    offerName: z.string().nullable(),
    operatorOrgCode: z.string(),
    targetGroup: z.string(),
    ...counts,
    minimumYearlyVolume: z.number().int().nullable(),
    belowMinimumVolume: z
      .boolean()
      .nullable()
      .meta({ description: 'citizensAdvised below the minimum (rule 1)' }),
  }),
);

export const environmentMetricsSchema = namedSchema(
  'KnowledgeEnvironmentMetrics',
  z.object({ offerId: uuidView, offerName: z.string().nullable(), ...counts }),
);

export const municipalityMetricsSchema = namedSchema(
  'MunicipalityDeviationMetrics',
  z
    .object({
      municipalityCode: z.string().meta({ example: '101' }),
      municipalityName: z.string().nullable().meta({ example: 'København' }),
      targetGroup: z.string(),
      year: counts.year,
      adviceGiven: counts.adviceGiven,
      adviceFollowed: counts.adviceFollowed,
      adviceDeviatedFrom: counts.adviceDeviatedFrom,
    })
    .meta({
      description: 'Advice given on the cases of one municipality and target group, and the decisions on it',
    }),
);

export const metricsSchema = namedSchema(
  'KnowledgeMetrics',
  z
    .object({
      year: z.number().int(),
      functions: z.array(functionMetricsSchema),
      environments: z.array(environmentMetricsSchema),
      municipalities: z
        .array(municipalityMetricsSchema)
        .meta({ description: 'Per municipality (of the case) and target group: followed and deviated from' }),
    })
    .meta({
      description:
        'Volume and competence per advisory function and knowledge environment (øvelse gør mester)',
    }),
);

export const METRICS_EXAMPLE: z.infer<typeof metricsSchema> = {
  year: 2026,
  functions: [
    {
      advisoryFunctionId: '2b9e4d1a-7c3f-4e8a-b6d2-91f0a3c5e7b4',
      functionId: 'c4a7e2f9-1d3b-4a6c-8e5f-2b9d0c7a1e36',
      offerId: '6f1c2a9e-3b7d-4c21-9a51-0d2e8b7f4a10',
      offerName: 'Synscenter Hovedstaden',
      operatorOrgCode: '1084',
      targetGroup: 'VISION',
      year: 2026,
      citizensAdvised: 41,
      adviceGiven: 43,
      adviceOnTime: 40,
      adviceFollowed: 35,
      adviceDeviatedFrom: 4,
      minimumYearlyVolume: 30,
      belowMinimumVolume: false,
    },
  ],
  environments: [
    {
      offerId: '6f1c2a9e-3b7d-4c21-9a51-0d2e8b7f4a10',
      offerName: 'Synscenter Hovedstaden',
      year: 2026,
      citizensAdvised: 41,
      adviceGiven: 43,
      adviceOnTime: 40,
      adviceFollowed: 35,
      adviceDeviatedFrom: 4,
    },
  ],
  municipalities: [
    {
      municipalityCode: '101',
      municipalityName: 'København',
      targetGroup: 'VISION',
      year: 2026,
      adviceGiven: 12,
      adviceFollowed: 9,
      adviceDeviatedFrom: 2,
    },
  ],
};
