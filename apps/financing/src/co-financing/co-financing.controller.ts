import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@platform/auth';
import {
  ApiChangeHeaders,
  ApiEmptyBody,
  ApiIdempotencyKey,
  ApiJsonResponse,
  ApiProblems,
  ApiQueryFrom,
  EmptyBody,
  freeText,
  isoInstantView,
  namedSchema,
  openApiSchema,
  RequestId,
  uuidView,
  withEtag,
  ZodValidationPipe,
} from '@platform/http';
import { Change, type ChangeRequest } from '@platform/kit';
import { Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import { CitizenReads } from '../common/citizen-reads';
import { oreView } from '../common/money-fields';
import { INVOICE_STATUSES } from './co-financing.domain';
import type { InvoiceRow } from './co-financing.repository';
import { CoFinancingService, invoiceEtag } from './co-financing.service';
import { CoFinancingRepository } from './co-financing.repository';

const monthInput = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM')
  .meta({ example: '2027-01' });
const issueSchema = z.strictObject({ month: monthInput });
const disputeSchema = z.strictObject({ reason: freeText(1000, 3) });
const listQuery = z.strictObject({ month: monthInput.optional() });

const invoiceSchema = namedSchema(
  'CoFinancingInvoiceView',
  z.object({
    id: uuidView,
    regionCode: z
      .string()
      .meta({ description: 'The issuing region: the one that carries the placement that month' }),
    municipalityCode: z.string().meta({ description: 'The referring municipality that pays' }),
    referralId: uuidView,
    month: z.string(),
    costOre: oreView,
    sharePercentBp: z.number().int(),
    amountOre: oreView,
    status: z.enum(INVOICE_STATUSES),
    disputeReason: z.string().nullable(),
    issuedAt: isoInstantView,
    settledAt: isoInstantView.nullable(),
  }),
);
const listSchema = namedSchema('CoFinancingInvoiceList', z.object({ items: z.array(invoiceSchema) }));
const EXAMPLE = {
  id: '3e1b2c4d-5f60-4a7b-8c9d-0e1f2a3b4c5d',
  regionCode: '1084',
  municipalityCode: '101',
  referralId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  month: '2026-03',
  costOre: 13_950_000,
  sharePercentBp: 1000,
  amountOre: 1_395_000,
  status: 'ISSUED',
  disputeReason: null,
  issuedAt: '2026-04-01T08:00:00.000Z',
  settledAt: null,
};

const view = ({ revision: _r, ...i }: InvoiceRow) => ({
  ...i,
  issuedAt: i.issuedAt.toISOString(),
  settledAt: i.settledAt ? i.settledAt.toISOString() : null,
});

@ApiTags('co-financing')
@ApiProblems(401)
@Controller('api/v1/co-financing-invoices')
export class CoFinancingController {
  constructor(
    private readonly service: CoFinancingService,
    private readonly invoices: CoFinancingRepository,
    private readonly reads: CitizenReads,
  ) {}

  @Post()
  @HttpCode(200)
  @Access({ orgTypes: ['region'], roles: ['planner', 'finance'] })
  @ApiOperation({ summary: "Issue the caller region's co-financing invoices for a month (new ones only)" })
  @ApiBody({ schema: openApiSchema(issueSchema), examples: { march: { value: { month: '2026-03' } } } })
  @ApiIdempotencyKey()
  @ApiJsonResponse(200, listSchema, { example: { items: [EXAMPLE] } })
  @ApiProblems(400, 403, 409)
  async issue(
    @CurrentPrincipal() p: Principal,
    @Body(new ZodValidationPipe(issueSchema)) body: { month: string },
    @RequestId() requestId: string | undefined,
  ) {
    return { items: (await this.service.issue(p, body.month, requestId)).map(view) };
  }

  @Get()
  @Access({ orgTypes: ['municipality', 'region', 'state'] })
  @ApiOperation({ summary: 'Invoices: those a municipality receives, a region issues; all for the state' })
  @ApiQueryFrom(listQuery)
  @ApiJsonResponse(200, listSchema, { example: { items: [EXAMPLE] } })
  @ApiProblems(400)
  async list(
    @CurrentPrincipal() p: Principal,
    @Query(new ZodValidationPipe(listQuery, 'query')) q: { month?: string },
    @RequestId() requestId: string | undefined,
  ) {
    const scope =
      p.orgType === 'region'
        ? { regionCode: p.orgCode }
        : p.orgType === 'municipality'
          ? { municipalityCode: p.orgCode }
          : {};
    const rows = await this.invoices.list({ ...scope, month: q.month });
    // An invoice is one citizen's placement in a month: each citizen listed is an audited read.
    await this.reads.ofReferrals(
      p,
      'co-financing-invoice.list',
      { type: 'co-financing-invoices', id: q.month },
      rows.map((i) => i.referralId),
      requestId,
    );
    return { items: rows.map(view) };
  }

  @Post(':id/paid')
  @HttpCode(200)
  @Access({ orgTypes: ['region'], roles: ['planner', 'finance'] })
  @ApiOperation({ summary: 'Record that the municipality paid (the issuing region)' })
  @ApiChangeHeaders({ id: 'The invoice', resource: 'invoice' })
  @ApiEmptyBody()
  @ApiJsonResponse(200, invoiceSchema, { example: { ...EXAMPLE, status: 'PAID' }, headers: ['ETag'] })
  @ApiProblems(400, 403, 404, 409, 412, 428)
  async paid(
    @Change() change: ChangeRequest,
    @EmptyBody() _b: unknown,
    @Res({ passthrough: true }) res: Response,
  ) {
    const i = await this.service.settle(change, 'PAID', null);
    return withEtag(res, invoiceEtag(i), view(i));
  }

  @Post(':id/dispute')
  @HttpCode(200)
  @Access({ orgTypes: ['municipality'] })
  @ApiOperation({ summary: 'Dispute an invoice with a reason (the receiving municipality)' })
  @ApiChangeHeaders({ id: 'The invoice', resource: 'invoice' })
  @ApiBody({
    schema: openApiSchema(disputeSchema),
    examples: { dispute: { value: { reason: 'Borgeren flyttede 14. marts' } } },
  })
  @ApiJsonResponse(200, invoiceSchema, { example: { ...EXAMPLE, status: 'DISPUTED' }, headers: ['ETag'] })
  @ApiProblems(400, 403, 404, 409, 412, 428)
  async dispute(
    @Change() change: ChangeRequest,
    @Body(new ZodValidationPipe(disputeSchema)) body: { reason: string },
    @Res({ passthrough: true }) res: Response,
  ) {
    const i = await this.service.settle(change, 'DISPUTED', body.reason);
    return withEtag(res, invoiceEtag(i), view(i));
  }
}
