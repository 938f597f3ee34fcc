import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@platform/auth';
import {
  ApiJsonResponse,
  ApiProblems,
  ApiQueryFrom,
  isoDateView,
  namedSchema,
  RequestId,
  uuidView,
  ZodValidationPipe,
} from '@platform/http';
import { z } from 'zod';
import { oreView, year } from '../common/money-fields';
import { CostService } from './cost.service';

const query = z.strictObject({
  year,
  throughMonth: z.coerce
    .number()
    .int()
    .min(1)
    .max(12)
    .default(12)
    .meta({ description: 'Months 1..n of the year' }),
  referralId: z.uuid().optional().meta({ format: 'uuid', description: 'Only the lines of this referral' }),
  citizenPseudonym: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'a citizen pseudonym (64 hex characters)')
    .optional()
    .meta({ description: "Only this citizen's lines (the referring municipality only: a region gets 403)" }),
});

const costLineSchema = namedSchema(
  'CostLineView',
  z.object({
    referralId: uuidView,
    municipalityCode: z.string().meta({ description: 'The referring (acting) municipality' }),
    citizenPseudonym: z
      .string()
      .optional()
      .meta({ description: "Only for the referring municipality's own lines" }),
    offerId: uuidView,
    targetGroup: z.string(),
    month: z.string().meta({ example: '2026-02' }),
    firstDay: isoDateView,
    lastDay: isoDateView,
    days: z.number().int(),
    responsibility: z.enum(['MUNICIPAL', 'REGIONAL']),
    payer: z.object({ type: z.enum(['municipality', 'region']), code: z.string() }),
    unit: z.enum(['DAY', 'MONTH']),
    rateOre: oreView,
    amountOre: oreView,
    knowledgeOverheadOre: oreView,
    version: z
      .number()
      .int()
      .meta({ description: "The month's accrual version: a later fact that changed the month raised it" }),
    correlationId: z.string().nullable().meta({
      description:
        "The case's correlation id (the referral's, for tools/trace); null for lines from before it was kept",
    }),
  }),
);
const listSchema = namedSchema(
  'CostLineList',
  z.object({
    items: z.array(costLineSchema),
    totalOre: oreView,
    missingRates: z.array(z.object({ offerId: uuidView, placements: z.number().int() })),
  }),
);

/**
 * Cost lines (udgiftslinjer) per month, as the ledger stored them: a municipality sees those of its own
 * referrals, a region those it pays (regional responsibility). The citizen pseudonym only reaches the
 * municipality that referred the citizen, so only it may filter by one. Every citizen shown is an audited read.
 */
@ApiTags('cost-lines')
@ApiProblems(401)
@Controller('api/v1/cost-lines')
export class CostController {
  constructor(private readonly costs: CostService) {}

  @Get()
  @Access({ orgTypes: ['municipality', 'region'] })
  @ApiOperation({
    summary:
      'Stored cost lines of a year, accrued monthly from placements (own municipality or paying region), ' +
      'optionally of one referral or citizen',
  })
  @ApiQueryFrom(query)
  @ApiJsonResponse(200, listSchema, { example: { items: [], totalOre: 0, missingRates: [] } })
  @ApiProblems(400, 403)
  async list(
    @CurrentPrincipal() p: Principal,
    @Query(new ZodValidationPipe(query, 'query')) q: z.infer<typeof query>,
    @RequestId() requestId: string | undefined,
  ) {
    const municipal = p.orgType === 'municipality';
    const lines = await this.costs.read(p, q, requestId);
    const items = lines.map(({ citizenPseudonym, ...l }) => (municipal ? { ...l, citizenPseudonym } : l));
    const missing = municipal && !q.referralId && !q.citizenPseudonym;
    return {
      items,
      totalOre: items.reduce((a, l) => a + l.amountOre, 0),
      missingRates: missing
        ? (await this.costs.missingRates(q.year, p.orgCode)).map((m) => ({
            offerId: m.offerId,
            placements: m.referralIds.length,
          }))
        : [],
    };
  }
}
