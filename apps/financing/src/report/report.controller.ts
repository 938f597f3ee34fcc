import { Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@platform/auth';
import {
  ApiEmptyBody,
  ApiJsonResponse,
  ApiProblems,
  ApiQueryFrom,
  EmptyBody,
  namedSchema,
  ProblemException,
  RequestId,
  uuidView,
  ZodValidationPipe,
} from '@platform/http';
import type { Response } from 'express';
import { z } from 'zod';
import { csvLine } from '../common/export-stream';
import { oreView, year } from '../common/money-fields';
import { CostService } from '../cost/cost.service';
import { RuleSetRepository } from '../rule-set/rule-set.repository';
import { costTotals, knowledgeFunding, type CostTotal } from './report.domain';
import { MonthlyTotalsPublisher } from './monthly-totals.service';
import { ReportRepository } from './report.repository';

const totalSchema = z.object({
  month: z.string(),
  payerType: z.enum(['municipality', 'region']),
  payerCode: z.string(),
  placements: z.number().int(),
  days: z.number().int(),
  amountOre: oreView,
  knowledgeOverheadOre: oreView,
});
const totalsQuery = z.strictObject({ year, format: z.enum(['json', 'csv']).default('json') });
const fundingSchema = namedSchema(
  'KnowledgeFundingReport',
  z.object({
    year: z.number().int(),
    overheadBp: z.number().int(),
    items: z.array(
      z.object({
        functionId: uuidView,
        offerId: uuidView,
        operatorOrgCode: z.string(),
        targetGroup: z.string(),
        validFrom: z.string(),
        validTo: z.string(),
        costOre: oreView,
        accruedOre: oreView,
        declaredOre: oreView,
      }),
    ),
  }),
);
const CSV_HEADER = csvLine([
  'month',
  'payer_type',
  'payer_code',
  'placements',
  'days',
  'amount_ore',
  'knowledge_overhead_ore',
]);
const csvRow = (t: CostTotal) =>
  csvLine([t.month, t.payerType, t.payerCode, t.placements, t.days, t.amountOre, t.knowledgeOverheadOre]);

const monthPipe = new ParseIntPipe({
  exceptionFactory: () => ProblemException.validation([{ pointer: 'path:month', detail: 'must be 1–12' }]),
});
const yearPipe = new ParseIntPipe({
  exceptionFactory: () => ProblemException.validation([{ pointer: 'path:year', detail: 'must be a year' }]),
});

/** Reports and the funding stream's monthly totals: per payer, never per citizen. */
@ApiTags('reports')
@ApiProblems(401)
@Controller('api/v1')
export class ReportController {
  constructor(
    private readonly costs: CostService,
    private readonly ruleSets: RuleSetRepository,
    private readonly reports: ReportRepository,
    private readonly publisher: MonthlyTotalsPublisher,
  ) {}

  @Get('cost-totals')
  @Access({ orgTypes: ['municipality', 'region', 'state'] })
  @ApiOperation({
    summary: "A year's cost per payer and month, as JSON or CSV, streamed (own totals; all for the state)",
  })
  @ApiQueryFrom(totalsQuery)
  @ApiProduces('application/json', 'text/csv')
  @ApiJsonResponse(200, namedSchema('CostTotals', z.object({ items: z.array(totalSchema) })), {
    example: {
      items: [
        {
          month: '2026-03',
          payerType: 'municipality',
          payerCode: '751',
          placements: 3,
          days: 93,
          amountOre: 74_400_000,
          knowledgeOverheadOre: 0,
        },
      ],
    },
  })
  @ApiProblems(400)
  async totals(
    @CurrentPrincipal() p: Principal,
    @Query(new ZodValidationPipe(totalsQuery, 'query')) q: z.infer<typeof totalsQuery>,
    @Res() res: Response,
  ) {
    const own =
      p.orgType === 'state' ? {} : { payer: { type: p.orgType as 'municipality', code: p.orgCode } };
    const totals = costTotals(await this.costs.inYear(q.year, 12, own));
    res.status(200);
    if (q.format === 'csv') {
      res
        .type('text/csv; charset=utf-8')
        .setHeader('Content-Disposition', `attachment; filename="cost-totals-${q.year}.csv"`);
      res.write(CSV_HEADER);
      for (const t of totals) res.write(csvRow(t));
    } else {
      res.type('application/json');
      res.write('{"items":[');
      totals.forEach((t, i) => res.write(`${i ? ',' : ''}${JSON.stringify(t)}`));
      res.write(']}');
    }
    res.end();
  }

  @Post('cost-totals/:year/:month/publish')
  @HttpCode(200)
  @Access({ orgTypes: ['state'], roles: ['finance'] })
  @ApiOperation({
    summary:
      "Publish a month's cost totals per payer on financing.funding.v1 (the state): those not published yet or " +
      'changed since; the monthly job does the same for closed months',
  })
  @ApiParam({ name: 'year', type: Number })
  @ApiParam({ name: 'month', type: Number })
  @ApiEmptyBody()
  @ApiJsonResponse(200, namedSchema('CostTotalsPublished', z.object({ published: z.number().int() })), {
    example: { published: 103 },
  })
  @ApiProblems(400, 403)
  async publish(
    @CurrentPrincipal() p: Principal,
    @Param('year', yearPipe) y: number,
    @Param('month', monthPipe) month: number,
    @EmptyBody() _b: unknown,
    @RequestId() requestId: string | undefined,
  ) {
    if (month < 1 || month > 12 || y < 2000 || y > 2100)
      throw ProblemException.validation([
        { pointer: 'path:month', detail: 'a month 1–12 of a year 2000–2100' },
      ]);
    const key = `${y}-${String(month).padStart(2, '0')}`;
    const totals = await this.publisher.publish(p, key, requestId);
    return { published: totals.length };
  }

  @Get('knowledge-funding')
  @Access({ orgTypes: ['region', 'municipality', 'state'] })
  @ApiOperation({
    summary:
      "Knowledge funding accrued per advisory function for a year (an operator's own; all for the state)",
  })
  @ApiQueryFrom(z.strictObject({ year }))
  @ApiJsonResponse(200, fundingSchema, { example: { year: 2026, overheadBp: 200, items: [] } })
  @ApiProblems(400)
  async funding(
    @CurrentPrincipal() p: Principal,
    @Query(new ZodValidationPipe(z.strictObject({ year }), 'query')) q: { year: number },
  ) {
    const ruleSet = await this.ruleSets.inForce(q.year, `${q.year}-12-31`);
    const functions = await this.reports.functions(q.year, p.orgType === 'state' ? undefined : p.orgCode);
    const lines = functions.length
      ? await this.costs.inYear(q.year, 12, { offerIds: [...new Set(functions.map((f) => f.offerId))] })
      : [];
    const overheadBp = ruleSet?.knowledgeOverheadBp ?? 0;
    return { year: q.year, overheadBp, items: knowledgeFunding(functions, lines, overheadBp) };
  }
}
