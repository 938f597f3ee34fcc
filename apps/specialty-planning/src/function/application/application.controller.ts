import { applyDecorators, Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type AccessRule, type Principal } from '@platform/auth';
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
import { Change, type ChangeRequest } from '@platform/kit';
import type { Response } from 'express';
import type { z } from 'zod';
import { ApiCommandHeaders } from '../../common/http';
import {
  approveApplicationSchema,
  createApplicationSchema,
  listApplicationsQuery,
  rejectApplicationSchema,
  type ApproveApplicationInput,
  type CreateApplicationInput,
  type ListApplicationsQuery,
  type RejectApplicationInput,
} from '../dto/application.dto';
import { ApplicationService } from './application.service';
import {
  APPLICATION_VIEW_EXAMPLE,
  applicationPageSchema,
  applicationResponse,
  applicationViewSchema,
  CREATE_APPLICATION_EXAMPLE,
  toApplicationView,
  type ApplicationView,
} from './application.view';

/** Operators (regions, and municipalities that run offers) apply; the state decides. Planners only. */
const OPERATOR_PLANNERS: AccessRule = { orgTypes: ['region', 'municipality'], roles: ['planner'] };
const STATE_PLANNERS: AccessRule = { orgTypes: ['state'], roles: ['planner'] };
const ALL_PLANNERS: AccessRule = { orgTypes: ['region', 'municipality', 'state'], roles: ['planner'] };
const DECIDED = { ...APPLICATION_VIEW_EXAMPLE, decidedAt: '2026-12-01T09:00:00.000Z' };

interface DecisionDoc {
  summary: string;
  body: z.ZodType;
  examples: Record<string, { value: unknown }>;
  /** How the decided application differs from the example. */
  decided: Partial<ApplicationView>;
}

/**
 * The state's decision on an application: a POST with a body, If-Match and an optional Idempotency-Key,
 * answered with the application and its new ETag. Listed bottom-up, the order in which stacked decorators
 * apply, so the OpenAPI document lists the parameters as a stack of them would.
 */
const Decision = (path: string, doc: DecisionDoc) =>
  applyDecorators(
    ApiProblems(400, 403, 404, 409, 412, 428),
    ApiJsonResponse(200, applicationViewSchema, {
      example: { ...DECIDED, ...doc.decided },
      headers: ['ETag'],
    }),
    ApiBody({ schema: openApiSchema(doc.body), examples: doc.examples }),
    ApiIdempotencyKey(),
    ApiCommandHeaders('The application'),
    ApiOperation({ summary: doc.summary }),
    Access(STATE_PLANNERS),
    HttpCode(200),
    Post(path),
  );

@ApiTags('function-applications')
@ApiProblems(401)
@Controller('api/v1/function-applications')
export class ApplicationController {
  constructor(private readonly applications: ApplicationService) {}

  @Post()
  @Access(OPERATOR_PLANNERS)
  @ApiOperation({
    summary:
      'Apply for a function for one of your own offers (ansøgning om specialfunktion), with evidence: yearly ' +
      "volume, competences, cooperation with the health sector. Another organisation's offer is 404",
  })
  @ApiBody({
    schema: openApiSchema(createApplicationSchema),
    examples: { advisory: { value: CREATE_APPLICATION_EXAMPLE } },
  })
  @ApiIdempotencyKey()
  @ApiJsonResponse(201, applicationViewSchema, {
    description: 'Filed; ETag carries the version, Location the application',
    example: APPLICATION_VIEW_EXAMPLE,
    headers: ['ETag', 'Location'],
  })
  @ApiProblems(400, 403, 404)
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodValidationPipe(createApplicationSchema)) body: CreateApplicationInput,
    @RequestId() requestId: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.applications.create(principal, body, requestId);
    res.setHeader('Location', `/api/v1/function-applications/${result.row.id}`);
    return applicationResponse(res, result);
  }

  @Get()
  @Access(ALL_PLANNERS)
  @ApiOperation({ summary: 'Applications, newest first: an operator sees its own, the state all' })
  @ApiQueryFrom(listApplicationsQuery)
  @ApiJsonResponse(200, applicationPageSchema, {
    example: { items: [APPLICATION_VIEW_EXAMPLE], nextCursor: null },
  })
  @ApiProblems(400, 403)
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query(new ZodValidationPipe(listApplicationsQuery, 'query')) query: ListApplicationsQuery,
  ) {
    const page = await this.applications.list(principal, query);
    return {
      items: page.items.map((i) => toApplicationView(i.row, i.functionId)),
      nextCursor: page.nextCursor,
    };
  }

  @Get(':id')
  @Access(ALL_PLANNERS)
  @ApiOperation({ summary: 'One application: your own, or any for the state (404 otherwise)' })
  @ApiIdParam('The application')
  @ApiJsonResponse(200, applicationViewSchema, { example: APPLICATION_VIEW_EXAMPLE, headers: ['ETag'] })
  @ApiProblems(400, 403, 404)
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam) id: string,
    @RequestId() requestId: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return applicationResponse(res, await this.applications.get(principal, id, requestId));
  }

  @Decision(':id/approve', {
    summary:
      'Approve (godkend) with a validity period and a minimum yearly volume: the function, FunctionApproved',
    body: approveApplicationSchema,
    examples: {
      fiveYears: { value: { validFrom: '2027-01-01', validTo: '2031-12-31', minimumYearlyVolume: 30 } },
    },
    decided: { status: 'APPROVED', functionId: '3f1c2a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b' },
  })
  async approve(
    @Change() command: ChangeRequest,
    @Body(new ZodValidationPipe(approveApplicationSchema)) body: ApproveApplicationInput,
    @Res({ passthrough: true }) res: Response,
  ) {
    return applicationResponse(res, await this.applications.approve(command, body));
  }

  @Decision(':id/reject', {
    summary: 'Reject (giv afslag) with a reason: FunctionRejected',
    body: rejectApplicationSchema,
    examples: {
      volume: { value: { reason: 'The documented yearly volume is too small to build expertise' } },
    },
    decided: { status: 'REJECTED', rejectionReason: 'The documented yearly volume is too small' },
  })
  async reject(
    @Change() command: ChangeRequest,
    @Body(new ZodValidationPipe(rejectApplicationSchema)) body: RejectApplicationInput,
    @Res({ passthrough: true }) res: Response,
  ) {
    return applicationResponse(res, await this.applications.reject(command, body));
  }
}
