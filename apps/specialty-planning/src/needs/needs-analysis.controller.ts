import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, ANY_ORGANISATION, CurrentPrincipal, type Principal } from '@platform/auth';
import {
  ApiIdempotencyKey,
  ApiIdParam,
  ApiJsonResponse,
  ApiProblems,
  ApiQueryFrom,
  openApiSchema,
  RequestId,
  uuidParam,
  ZodValidationPipe,
} from '@platform/http';
import type { Response } from 'express';
import {
  createNeedsAnalysisSchema,
  listNeedsAnalysesQuery,
  type CreateNeedsAnalysisInput,
  type ListNeedsAnalysesQuery,
} from './dto/needs-analysis.dto';
import { NeedsAnalysisService } from './needs-analysis.service';
import {
  NEEDS_ANALYSIS_EXAMPLE,
  needsAnalysisPageSchema,
  needsAnalysisViewSchema,
  toNeedsAnalysisView,
  type NeedsAnalysisView,
} from './needs-analysis.view';

@ApiTags('needs-analyses')
@ApiProblems(401)
@Controller('api/v1/needs-analyses')
export class NeedsAnalysisController {
  constructor(private readonly analyses: NeedsAnalysisService) {}

  @Post()
  @Access({ orgTypes: ['region', 'state'], roles: ['planner'] })
  @ApiOperation({
    operationId: 'createNeedsAnalysis',
    summary:
      "Analyse a framework area's needs over a period: demand per target group against places, gaps named",
    description:
      "The area's region planner or the state. Demand (referrals, waiting, NO_CAPACITY rejections, deviations to " +
      "a lower level, days to placement) comes from the referral events of the area's municipalities; places and " +
      'occupancy are those of its active offers when analysed. Gap rules: CAPACITY_REJECTIONS (any), WAITING ' +
      '(more waiting than free places), DEVIATION_TO_LOWER_LEVEL (any), NO_PLACES (demand and no places). Each ' +
      'gap is emitted as dk.social.planning.needs-analysis.gap.v1, keyed by the gap id.',
  })
  @ApiBody({
    schema: openApiSchema(createNeedsAnalysisSchema),
    examples: {
      midtjylland: { value: { frameworkAreaCode: 'RA-1082', from: '2026-01-01', to: '2026-10-31' } },
    },
  })
  @ApiIdempotencyKey()
  @ApiJsonResponse(201, needsAnalysisViewSchema, { example: NEEDS_ANALYSIS_EXAMPLE, headers: ['Location'] })
  @ApiProblems(400, 403)
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodValidationPipe(createNeedsAnalysisSchema)) body: CreateNeedsAnalysisInput,
    @RequestId() requestId: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<NeedsAnalysisView> {
    const row = await this.analyses.analyse(principal, body, requestId);
    res.setHeader('Location', `/api/v1/needs-analyses/${row.id}`);
    return toNeedsAnalysisView(row);
  }

  @Get()
  @Access(ANY_ORGANISATION)
  @ApiOperation({
    operationId: 'listNeedsAnalyses',
    summary: 'Needs analyses, newest first, of one area or all',
  })
  @ApiQueryFrom(listNeedsAnalysesQuery)
  @ApiJsonResponse(200, needsAnalysisPageSchema, {
    example: { items: [NEEDS_ANALYSIS_EXAMPLE], nextCursor: null },
  })
  @ApiProblems(400)
  async list(@Query(new ZodValidationPipe(listNeedsAnalysesQuery, 'query')) query: ListNeedsAnalysesQuery) {
    const page = await this.analyses.list(query);
    return { items: page.items.map(toNeedsAnalysisView), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @Access(ANY_ORGANISATION)
  @ApiOperation({ operationId: 'getNeedsAnalysis', summary: 'One needs analysis with its lines and gaps' })
  @ApiIdParam()
  @ApiJsonResponse(200, needsAnalysisViewSchema, { example: NEEDS_ANALYSIS_EXAMPLE })
  @ApiProblems(400, 404)
  async get(@Param('id', uuidParam) id: string): Promise<NeedsAnalysisView> {
    return toNeedsAnalysisView(await this.analyses.get(id));
  }
}
