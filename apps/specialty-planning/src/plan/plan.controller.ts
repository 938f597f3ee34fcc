import {
  applyDecorators,
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, ANY_ORGANISATION, CurrentPrincipal, type AccessRule, type Principal } from '@platform/auth';
import { todayInDenmark } from '@platform/domain';
import {
  ApiEmptyBody,
  ApiIdempotencyKey,
  ApiIdParam,
  ApiJsonResponse,
  ApiProblems,
  ApiQueryFrom,
  EmptyBody,
  openApiSchema,
  RequestId,
  uuidParam,
  ZodValidationPipe,
} from '@platform/http';
import { Change, type ChangeRequest } from '@platform/kit';
import type { Response } from 'express';
import { ApiCommandHeaders } from '../common/http';
import {
  createPlanSchema,
  currentPlanQuery,
  listPlansQuery,
  replaceEntriesSchema,
  type CreatePlanInput,
  type CurrentPlanQuery,
  type ListPlansQuery,
  type ReplaceEntriesInput,
} from './dto/plan.dto';
import { PlanService } from './plan.service';
import {
  CREATE_PLAN_EXAMPLE,
  PLAN_SUMMARY_EXAMPLE,
  PLAN_VIEW_EXAMPLE,
  planPageSchema,
  planResponse,
  planViewSchema,
  toPlanSummary,
} from './plan.view';
import type { PlanWithEntries } from './plan.repository';

/** The state alone drafts and approves the national specialty plan; a municipality or region gets 403. */
const STATE_PLANNERS: AccessRule = { orgTypes: ['state'], roles: ['planner'] };

/**
 * A step of a version's lifecycle (consultation, approval): the state's POST without a body, with If-Match and
 * an optional Idempotency-Key, answered with the version and its new ETag. Listed bottom-up, the order in which
 * stacked decorators apply, so the OpenAPI document lists the parameters as a stack of them would.
 */
const PlanStep = (path: string, summary: string, changes: Partial<typeof PLAN_VIEW_EXAMPLE>) =>
  applyDecorators(
    ApiProblems(400, 403, 404, 409, 412, 428),
    ApiJsonResponse(200, planViewSchema, {
      example: { ...PLAN_VIEW_EXAMPLE, ...changes },
      headers: ['ETag'],
    }),
    ApiEmptyBody(),
    ApiIdempotencyKey(),
    ApiCommandHeaders('The plan version'),
    ApiOperation({ summary }),
    Access(STATE_PLANNERS),
    HttpCode(200),
    Post(path),
  );

@ApiTags('specialty-plans')
@ApiProblems(401)
@Controller('api/v1/specialty-plans')
export class PlanController {
  constructor(private readonly plans: PlanService) {}

  @Post()
  @Access(STATE_PLANNERS)
  @ApiOperation({
    summary: 'Draft a new version of the national specialty plan (specialeplan), with entries',
  })
  @ApiBody({ schema: openApiSchema(createPlanSchema), examples: { vision: { value: CREATE_PLAN_EXAMPLE } } })
  @ApiIdempotencyKey()
  @ApiJsonResponse(201, planViewSchema, {
    description: 'Drafted; ETag for the next command, Location the version',
    example: PLAN_VIEW_EXAMPLE,
    headers: ['ETag', 'Location'],
  })
  @ApiProblems(400, 403)
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodValidationPipe(createPlanSchema)) body: CreatePlanInput,
    @RequestId() requestId: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const plan = await this.plans.create(principal, body, requestId);
    res.setHeader('Location', `/api/v1/specialty-plans/${plan.plan.id}`);
    return this.respond(res, plan);
  }

  @Get()
  @Access(ANY_ORGANISATION)
  @ApiOperation({ summary: 'Versions of the specialty plan, newest first' })
  @ApiQueryFrom(listPlansQuery)
  @ApiJsonResponse(200, planPageSchema, { example: { items: [PLAN_SUMMARY_EXAMPLE], nextCursor: null } })
  @ApiProblems(400, 403)
  async list(@Query(new ZodValidationPipe(listPlansQuery, 'query')) query: ListPlansQuery) {
    const [page, approved] = await Promise.all([this.plans.list(query), this.plans.approvedVersions()]);
    const today = todayInDenmark();
    return {
      items: page.items.map((i) => toPlanSummary(i.plan, i.entryCount, approved, today)),
      nextCursor: page.nextCursor,
    };
  }

  @Get('current')
  @Access(ANY_ORGANISATION)
  @ApiOperation({ summary: 'The version in force (gældende) today, or on the day given; 404 when none is' })
  @ApiQueryFrom(currentPlanQuery)
  @ApiJsonResponse(200, planViewSchema, {
    example: { ...PLAN_VIEW_EXAMPLE, status: 'APPROVED', phase: 'EFFECTIVE' },
    headers: ['ETag'],
  })
  @ApiProblems(400, 403, 404)
  async current(
    @Query(new ZodValidationPipe(currentPlanQuery, 'query')) query: CurrentPlanQuery,
    @Res({ passthrough: true }) res: Response,
  ) {
    const on = query.on ?? todayInDenmark();
    return this.respond(res, await this.plans.current(on), on);
  }

  @Get(':id')
  @Access(ANY_ORGANISATION)
  @ApiOperation({
    summary: 'One version of the specialty plan, with its entries; its phase today or on ?on=',
  })
  @ApiIdParam('The plan version')
  @ApiQueryFrom(currentPlanQuery)
  @ApiJsonResponse(200, planViewSchema, { example: PLAN_VIEW_EXAMPLE, headers: ['ETag'] })
  @ApiProblems(400, 403, 404)
  async get(
    @Param('id', uuidParam) id: string,
    @Query(new ZodValidationPipe(currentPlanQuery, 'query')) query: CurrentPlanQuery,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.respond(res, await this.plans.get(id), query.on);
  }

  @Put(':id/entries')
  @Access(STATE_PLANNERS)
  @ApiOperation({ summary: "Replace a draft's entries as a whole (409 once it went to consultation)" })
  @ApiCommandHeaders('The plan version')
  @ApiBody({
    schema: openApiSchema(replaceEntriesSchema),
    examples: { vision: { value: { entries: CREATE_PLAN_EXAMPLE.entries } } },
  })
  @ApiJsonResponse(200, planViewSchema, { example: PLAN_VIEW_EXAMPLE, headers: ['ETag'] })
  @ApiProblems(400, 403, 404, 409, 412, 428)
  async replaceEntries(
    @Change() command: ChangeRequest,
    @Body(new ZodValidationPipe(replaceEntriesSchema)) body: ReplaceEntriesInput,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.respond(res, await this.plans.replaceEntries(command, body.entries));
  }

  @PlanStep(
    ':id/consultation',
    'Send the draft to consultation (høring); its entries are frozen from now on',
    {
      status: 'CONSULTATION',
      phase: 'CONSULTATION',
      consultationAt: '2025-09-15T08:00:00.000Z',
    },
  )
  async startConsultation(
    @Change() command: ChangeRequest,
    @EmptyBody() _body: unknown,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.respond(res, await this.plans.startConsultation(command));
  }

  @PlanStep(
    ':id/approve',
    'Approve a version in consultation (the state only): PlanApproved, and an approved function with ' +
      'FunctionApproved for every entry. A version without entries is 409',
    { status: 'APPROVED', phase: 'EFFECTIVE', approvedAt: '2025-12-01T08:00:00.000Z' },
  )
  async approve(
    @Change() command: ChangeRequest,
    @EmptyBody() _body: unknown,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.respond(res, await this.plans.approve(command));
  }

  private async respond(res: Response, plan: PlanWithEntries, on = todayInDenmark()) {
    return planResponse(res, plan, await this.plans.approvedVersions(), on);
  }
}
