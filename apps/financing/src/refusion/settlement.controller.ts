import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@platform/auth';
import {
  ApiIdempotencyKey,
  ApiIdParam,
  ApiJsonResponse,
  ApiProblems,
  ApiQueryFrom,
  isoInstantView,
  namedSchema,
  openApiSchema,
  ProblemException,
  RequestId,
  uuidParam,
  uuidView,
  ZodValidationPipe,
} from '@platform/http';
import type { Response } from 'express';
import { z } from 'zod';
import { oreView, year } from '../common/money-fields';
import { mayRead } from './refusion.service';
import { SettlementRepository, type SettlementRow } from './settlement.repository';
import { SettlementService } from './settlement.service';

const settleSchema = z.strictObject({
  municipalityCode: z.string().regex(/^\d{3}$/, 'a three-digit municipality code'),
  year: z.number().int().min(2000).max(2100),
});
const listQuery = z.strictObject({ year: year.optional() });

const settlementView = namedSchema(
  'RefusionSettlementView',
  z.object({
    id: uuidView,
    municipalityCode: z.string(),
    year: z.number().int(),
    ruleSetId: uuidView.meta({ description: 'The rule set in force on 31 December of the year' }),
    basedOnClaimId: uuidView
      .nullable()
      .meta({ description: 'The latest claim of the year: its declarations and rejections are kept' }),
    lines: z.number().int(),
    finalOre: oreView.meta({
      description: 'The final claim over the whole year, from the facts at settlement',
    }),
    paidOre: oreView.meta({ description: "What the quarters' decisions paid" }),
    settlementOre: oreView.meta({ description: 'final − paid: negative when the municipality pays back' }),
    settledAt: isoInstantView,
  }),
);
const EXAMPLE = {
  id: '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a',
  municipalityCode: '751',
  year: 2026,
  ruleSetId: '5b0c7c1e-1f59-4d0e-9a51-0c6f3c8b1a10',
  basedOnClaimId: '0d5a3a9e-8f7c-4b6a-9e2d-1c0b9a8f7e6d',
  lines: 12,
  finalOre: 70_500_000,
  paidOre: 71_000_000,
  settlementOre: -500_000,
  settledAt: '2027-03-01T09:00:00.000Z',
};
const view = (s: SettlementRow) => ({ ...s, settledAt: s.settledAt.toISOString() });

/** The year-end settlement (restafregning): the state settles; the municipality and the state read. */
@ApiTags('refusion')
@ApiProblems(401)
@Controller('api/v1/refusion-settlements')
export class SettlementController {
  constructor(
    private readonly service: SettlementService,
    private readonly settlements: SettlementRepository,
  ) {}

  @Post()
  @Access({ orgTypes: ['state'], roles: ['finance'] })
  @ApiOperation({
    summary:
      "Settle a municipality's refusion year: the final claim against what the quarters paid (the state's " +
      'finance staff; once per municipality and year, a second time is 409)',
  })
  @ApiBody({
    schema: openApiSchema(settleSchema),
    examples: { aarhus: { value: { municipalityCode: '751', year: 2026 } } },
  })
  @ApiIdempotencyKey()
  @ApiJsonResponse(201, settlementView, { example: EXAMPLE, headers: ['Location'] })
  @ApiProblems(400, 403, 409)
  async settle(
    @CurrentPrincipal() p: Principal,
    @Body(new ZodValidationPipe(settleSchema)) body: z.infer<typeof settleSchema>,
    @RequestId() requestId: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const saved = await this.service.settle(p, body, requestId);
    res.setHeader('Location', `/api/v1/refusion-settlements/${saved.id}`);
    return view(saved);
  }

  @Get()
  @Access({ orgTypes: ['municipality', 'state'] })
  @ApiOperation({ summary: "Settlements: a municipality's own, or all for the state" })
  @ApiQueryFrom(listQuery)
  @ApiJsonResponse(200, namedSchema('RefusionSettlementList', z.object({ items: z.array(settlementView) })), {
    example: { items: [EXAMPLE] },
  })
  @ApiProblems(400, 403)
  async list(
    @CurrentPrincipal() p: Principal,
    @Query(new ZodValidationPipe(listQuery, 'query')) q: { year?: number },
  ) {
    const rows = await this.settlements.list({
      year: q.year,
      municipalityCode: p.orgType === 'state' ? undefined : p.orgCode,
    });
    return { items: rows.map(view) };
  }

  @Get(':id')
  @Access({ orgTypes: ['municipality', 'state'] })
  @ApiOperation({ summary: 'One settlement (its municipality and the state; others get 404)' })
  @ApiIdParam('The settlement')
  @ApiJsonResponse(200, settlementView, { example: EXAMPLE })
  @ApiProblems(400, 403, 404)
  async get(@CurrentPrincipal() p: Principal, @Param('id', uuidParam) id: string) {
    const found = await this.settlements.find(id);
    if (!found || !mayRead(p, found)) throw ProblemException.notFound(`refusion settlement ${id}`);
    return view(found);
  }
}
