import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type AccessRule, type Principal } from '@platform/auth';
import {
  ApiChangeHeaders,
  ApiEmptyBody,
  ApiIdempotencyKey,
  ApiIdParam,
  ApiJsonResponse,
  ApiProblems,
  ApiQueryFrom,
  EmptyBody,
  openApiSchema,
  ProblemException,
  RequestId,
  uuidParam,
  withEtag,
  ZodValidationPipe,
} from '@platform/http';
import { Change, type ChangeRequest } from '@platform/kit';
import type { Response } from 'express';
import { createRuleSetSchema, listRuleSetsQuery, type CreateRuleSetInput } from './rule-set.dto';
import { RuleSetRepository } from './rule-set.repository';
import { RuleSetService } from './rule-set.service';
import {
  RULE_SET_EXAMPLE,
  ruleSetEtag,
  ruleSetListSchema,
  ruleSetViewSchema,
  toRuleSetView,
} from './rule-set.view';

/** The state's finance and planning staff set the rules; everyone may read them (they are law, not secrets). */
const STATE: AccessRule = { orgTypes: ['state'], roles: ['finance', 'planner'] };
const READERS: AccessRule = { orgTypes: ['municipality', 'region', 'state'] };

const BODY_EXAMPLE = {
  year: 2026,
  name: 'Gældende lov 2026 (2022-niveau)',
  effectiveFrom: '2026-01-01',
  bands: [
    { threshold: '860000.00', percent: 25 },
    { threshold: '1680000.00', percent: 50 },
    { threshold: '2120000.00', percent: 75 },
  ],
  adviceCondition: 'NONE',
  coFinancing: [{ fromMonth: 1, sharePercent: 10 }],
  knowledgeOverheadPercent: 2,
};

@ApiTags('rule-sets')
@ApiProblems(401)
@Controller('api/v1/rule-sets')
export class RuleSetController {
  constructor(
    private readonly ruleSets: RuleSetRepository,
    private readonly service: RuleSetService,
  ) {}

  @Post()
  @Access(STATE)
  @ApiOperation({ summary: 'Write a rule set version for a year as a draft (the state)' })
  @ApiBody({ schema: openApiSchema(createRuleSetSchema), examples: { law: { value: BODY_EXAMPLE } } })
  @ApiIdempotencyKey()
  @ApiJsonResponse(201, ruleSetViewSchema, {
    example: { ...RULE_SET_EXAMPLE, status: 'DRAFT', inForceAt: null },
    headers: ['ETag', 'Location'],
  })
  @ApiProblems(400, 403)
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodValidationPipe(createRuleSetSchema)) body: CreateRuleSetInput,
    @RequestId() requestId: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const created = await this.service.create(principal, body, requestId);
    res.setHeader('Location', `/api/v1/rule-sets/${created.id}`);
    return withEtag(res, ruleSetEtag(created), toRuleSetView(created));
  }

  @Get()
  @Access(READERS)
  @ApiOperation({ summary: 'Rule sets, newest year and version first' })
  @ApiQueryFrom(listRuleSetsQuery)
  @ApiJsonResponse(200, ruleSetListSchema, { example: { items: [RULE_SET_EXAMPLE] } })
  @ApiProblems(400)
  async list(@Query(new ZodValidationPipe(listRuleSetsQuery, 'query')) q: { year?: number }) {
    return { items: (await this.ruleSets.list(q.year)).map(toRuleSetView) };
  }

  @Get(':id')
  @Access(READERS)
  @ApiOperation({ summary: 'One rule set' })
  @ApiIdParam('The rule set')
  @ApiJsonResponse(200, ruleSetViewSchema, { example: RULE_SET_EXAMPLE, headers: ['ETag'] })
  @ApiProblems(400, 404)
  async get(@Param('id', uuidParam) id: string, @Res({ passthrough: true }) res: Response) {
    const found = await this.ruleSets.find(id);
    if (!found) throw ProblemException.notFound(`rule set ${id}`);
    return withEtag(res, ruleSetEtag(found), toRuleSetView(found));
  }

  @Post(':id/put-in-force')
  @HttpCode(200)
  @Access(STATE)
  @ApiOperation({ summary: 'Put a draft rule set in force (the state); from then on it is immutable' })
  @ApiChangeHeaders({ id: 'The rule set', resource: 'rule set' })
  @ApiEmptyBody()
  @ApiJsonResponse(200, ruleSetViewSchema, { example: RULE_SET_EXAMPLE, headers: ['ETag'] })
  @ApiProblems(400, 403, 404, 409, 412, 428)
  async putInForce(
    @Change() change: ChangeRequest,
    @EmptyBody() _body: unknown,
    @Res({ passthrough: true }) res: Response,
  ) {
    const row = await this.service.putInForce(change);
    return withEtag(res, ruleSetEtag(row), toRuleSetView(row));
  }
}
