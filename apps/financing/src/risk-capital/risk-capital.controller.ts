import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@platform/auth';
import {
  ApiChangeHeaders,
  ApiIdempotencyKey,
  ApiJsonResponse,
  ApiProblems,
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
import type { Response } from 'express';
import { z } from 'zod';
import { kronerInput, oreView } from '../common/money-fields';
import { RISK_CAPITAL_KINDS } from './risk-capital.domain';
import { RiskCapitalRepository, type ApplicationRow } from './risk-capital.repository';
import { applicationEtag, RiskCapitalService, type ApplicationInput } from './risk-capital.service';

const applySchema = z.strictObject({
  gapId: z.uuid().meta({
    format: 'uuid',
    description: "A gap of the caller region's needs analysis (specialty planning)",
  }),
  kind: z.enum(RISK_CAPITAL_KINDS),
  amount: kronerInput,
  purpose: freeText(2000, 10),
  repaymentYears: z.number().int().min(1).max(30).optional().meta({ description: 'For a loan' }),
  firstRepaymentYear: z.number().int().min(2000).max(2100).optional().meta({ description: 'For a loan' }),
});
const decisionSchema = z.strictObject({ approved: z.boolean(), reason: freeText(2000, 3).optional() });

const viewSchema = namedSchema(
  'RiskCapitalApplicationView',
  z.object({
    id: uuidView,
    regionCode: z.string(),
    gapId: uuidView,
    targetGroup: z.string(),
    kind: z.enum(RISK_CAPITAL_KINDS),
    amountOre: oreView,
    purpose: z.string(),
    repaymentYears: z.number().int().nullable(),
    firstRepaymentYear: z.number().int().nullable(),
    status: z.enum(['SUBMITTED', 'GRANTED', 'REJECTED']),
    decisionReason: z.string().nullable(),
    repayments: z.array(z.object({ year: z.number().int(), amountOre: oreView })),
    createdAt: isoInstantView,
    decidedAt: isoInstantView.nullable(),
  }),
);
const EXAMPLE = {
  id: '6d5c4b3a-2f1e-4d0c-9b8a-7f6e5d4c3b2a',
  regionCode: '1082',
  gapId: '1a2b3c4d-5e6f-4a0b-8c1d-2e3f4a5b6c7d',
  targetGroup: 'AUTISM',
  kind: 'LOAN',
  amountOre: 500_000_000,
  purpose: 'Etablering af 8 pladser til børn med autisme og udadreagerende adfærd',
  repaymentYears: 5,
  firstRepaymentYear: 2028,
  status: 'SUBMITTED',
  decisionReason: null,
  repayments: [],
  createdAt: '2026-09-01T09:00:00.000Z',
  decidedAt: null,
};
const view = ({ revision: _r, ...a }: ApplicationRow) => ({
  ...a,
  createdAt: a.createdAt.toISOString(),
  decidedAt: a.decidedAt ? a.decidedAt.toISOString() : null,
});

@ApiTags('risk-capital')
@ApiProblems(401)
@Controller('api/v1/risk-capital-applications')
export class RiskCapitalController {
  constructor(
    private readonly service: RiskCapitalService,
    private readonly applications: RiskCapitalRepository,
  ) {}

  @Post()
  @Access({ orgTypes: ['region'], roles: ['planner', 'finance'] })
  @ApiOperation({
    summary: 'Apply for a grant or a loan to establish an offer for a needs-analysis gap (a region)',
  })
  @ApiBody({
    schema: openApiSchema(applySchema),
    examples: {
      loan: {
        value: {
          gapId: EXAMPLE.gapId,
          kind: 'LOAN',
          amount: '5000000.00',
          purpose: EXAMPLE.purpose,
          repaymentYears: 5,
          firstRepaymentYear: 2028,
        },
      },
    },
  })
  @ApiIdempotencyKey()
  @ApiJsonResponse(201, viewSchema, { example: EXAMPLE, headers: ['ETag'] })
  @ApiProblems(400, 403, 404)
  async apply(
    @CurrentPrincipal() p: Principal,
    @Body(new ZodValidationPipe(applySchema)) body: ApplicationInput,
    @RequestId() requestId: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const a = await this.service.apply(p, body, requestId);
    return withEtag(res, applicationEtag(a), view(a));
  }

  @Get()
  @Access({ orgTypes: ['region', 'state'] })
  @ApiOperation({ summary: "Applications: a region's own, all for the state" })
  @ApiJsonResponse(200, namedSchema('RiskCapitalApplicationList', z.object({ items: z.array(viewSchema) })), {
    example: { items: [EXAMPLE] },
  })
  @ApiProblems(403)
  async list(@CurrentPrincipal() p: Principal) {
    return {
      items: (await this.applications.list(p.orgType === 'region' ? p.orgCode : undefined)).map(view),
    };
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Access({ orgTypes: ['state'], roles: ['finance', 'planner'] })
  @ApiOperation({
    summary: 'Grant or reject an application (the state); a granted loan gets its repayment schedule',
  })
  @ApiChangeHeaders({ id: 'The application', resource: 'application' })
  @ApiBody({ schema: openApiSchema(decisionSchema), examples: { grant: { value: { approved: true } } } })
  @ApiJsonResponse(200, viewSchema, { example: { ...EXAMPLE, status: 'GRANTED' }, headers: ['ETag'] })
  @ApiProblems(400, 403, 404, 409, 412, 428)
  async decide(
    @Change() change: ChangeRequest,
    @Body(new ZodValidationPipe(decisionSchema)) body: { approved: boolean; reason?: string },
    @Res({ passthrough: true }) res: Response,
  ) {
    const a = await this.service.decide(change, body.approved, body.reason ?? null);
    return withEtag(res, applicationEtag(a), view(a));
  }
}
