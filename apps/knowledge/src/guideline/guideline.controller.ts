import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Access, ANY_ORGANISATION, CurrentPrincipal, type AccessRule, type Principal } from '@platform/auth';
import {
  ApiChangeCommand,
  ApiIdempotencyKey,
  ApiIdParam,
  ApiJsonResponse,
  ApiProblems,
  ApiQueryFrom,
  openApiSchema,
  ProblemException,
  RequestId,
  uuidParam,
  ApiEmptyBody,
  EmptyBody,
  withEtag,
  ZodValidationPipe,
} from '@platform/http';
import { Change, type ChangeRequest } from '@platform/kit';
import type { Response } from 'express';
import type { ZodType } from 'zod';
import {
  createGuidelineSchema,
  listGuidelinesQuery,
  retireSchema,
  searchQuery,
  versionTextSchema,
  type CreateGuidelineInput,
  type ListGuidelinesQuery,
  type RetireInput,
  type SearchQuery,
  type VersionTextInput,
} from './dto/guideline.dto';
import { mayReadVersion } from './guideline-access';
import { GuidelineRepository, type GuidelineAggregate } from './guideline.repository';
import { GuidelineService } from './guideline.service';
import {
  GUIDELINE_EXAMPLE,
  guidelineEtag,
  guidelineListSchema,
  guidelineVersionViewSchema,
  guidelineViewSchema,
  searchResultSchema,
  toGuidelineView,
  toSearchHit,
  toVersionView,
} from './guideline.view';

/** Published guidelines are for everyone in the platform: municipalities visitate by them. */
const READERS: AccessRule = ANY_ORGANISATION;
const AUTHORS: AccessRule = { orgTypes: ['municipality', 'region', 'state'], roles: ['advisor'] };
const TEXT_EXAMPLE = {
  title: 'Visitation til synsrehabilitering for voksne',
  body: 'Voksne med synshandicap, der har behov for højt specialiseret rehabilitering, visiteres …',
};
const VERSION_EXAMPLE = {
  ...GUIDELINE_EXAMPLE.versions[0],
  guidelineId: GUIDELINE_EXAMPLE.id,
  body: TEXT_EXAMPLE.body,
};

const respond = (res: Response, a: GuidelineAggregate, principal: Principal) =>
  withEtag(res, guidelineEtag(a), toGuidelineView(a, principal));
/** A command on one guideline: answered with the guideline and its new ETag. */
const ApiGuidelineCommand = (body?: ZodType, examples?: Record<string, unknown>) =>
  ApiChangeCommand({
    id: 'Guideline',
    resource: 'guideline',
    body,
    examples,
    view: guidelineViewSchema,
    example: GUIDELINE_EXAMPLE,
  });

@ApiTags('guidelines')
@ApiProblems(401)
@Controller('api/v1/guidelines')
export class GuidelineController {
  constructor(
    private readonly guidelines: GuidelineRepository,
    private readonly service: GuidelineService,
  ) {}

  @Get('search')
  @Access(READERS)
  @ApiOperation({
    summary: 'Full-text search in published guidelines (PostgreSQL, Danish stemming), best first',
  })
  @ApiQueryFrom(searchQuery)
  @ApiJsonResponse(200, searchResultSchema, {
    example: {
      items: [
        {
          guidelineId: GUIDELINE_EXAMPLE.id,
          versionId: GUIDELINE_EXAMPLE.versions[0].id,
          number: 1,
          kind: 'GUIDELINE',
          targetGroup: 'VISION',
          title: 'Visitation til synsrehabilitering',
          snippet: 'Voksne med <b>synshandicap</b>, der har behov for …',
          rank: 0.6,
        },
      ],
    },
  })
  @ApiProblems(400)
  async search(@Query(new ZodValidationPipe(searchQuery, 'query')) q: SearchQuery) {
    const hits = await this.guidelines.search(q.q, { targetGroup: q.targetGroup, kind: q.kind }, q.limit);
    return { items: hits.map(toSearchHit) };
  }

  @Get()
  @Access(READERS)
  @ApiOperation({ summary: 'Guidelines and pathway descriptions, newest first, with their versions' })
  @ApiQueryFrom(listGuidelinesQuery)
  @ApiJsonResponse(200, guidelineListSchema, { example: { items: [GUIDELINE_EXAMPLE] } })
  @ApiProblems(400)
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query(new ZodValidationPipe(listGuidelinesQuery, 'query')) q: ListGuidelinesQuery,
  ) {
    const items = await this.guidelines.list({ targetGroup: q.targetGroup, kind: q.kind }, q.limit);
    return { items: items.map((a) => toGuidelineView(a, principal)) };
  }

  @Post()
  @Access(AUTHORS)
  @ApiOperation({
    summary:
      'Write a guideline: version 1 as a draft (advisors of an advisory function for the target group)',
  })
  @ApiBody({
    schema: openApiSchema(createGuidelineSchema),
    examples: { guideline: { value: { kind: 'GUIDELINE', targetGroup: 'VISION', ...TEXT_EXAMPLE } } },
  })
  @ApiIdempotencyKey()
  @ApiJsonResponse(201, guidelineViewSchema, { example: GUIDELINE_EXAMPLE, headers: ['ETag', 'Location'] })
  @ApiProblems(400, 403)
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodValidationPipe(createGuidelineSchema)) body: CreateGuidelineInput,
    @RequestId() requestId: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const created = await this.service.create(principal, body, { requestId });
    res.setHeader('Location', `/api/v1/guidelines/${created.guideline.id}`);
    return respond(res, created, principal);
  }

  @Get(':id')
  @Access(READERS)
  @ApiOperation({ summary: 'One guideline with its versions (drafts: the author and the state only)' })
  @ApiIdParam('The guideline')
  @ApiJsonResponse(200, guidelineViewSchema, { example: GUIDELINE_EXAMPLE, headers: ['ETag'] })
  @ApiProblems(400, 404)
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam) id: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    const found = await this.guidelines.find(id);
    if (!found) throw ProblemException.notFound(`guideline ${id}`);
    return respond(res, found, principal);
  }

  @Get(':id/versions/:number')
  @Access(READERS)
  @ApiOperation({ summary: 'The text of one version (a draft: the author and the state only)' })
  @ApiIdParam('The guideline')
  @ApiParam({ name: 'number', type: Number, description: 'The version number (1, 2, …)' })
  @ApiJsonResponse(200, guidelineVersionViewSchema, { example: VERSION_EXAMPLE })
  @ApiProblems(400, 404)
  async version(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam) id: string,
    @Param('number', new ParseIntPipe({ exceptionFactory: () => badNumber() })) number: number,
  ) {
    const found = await this.guidelines.find(id);
    const v = found?.versions.find((x) => x.number === number);
    if (!found || !v || !mayReadVersion(principal, found.guideline, v))
      throw ProblemException.notFound(`version ${number} of guideline ${id}`);
    return toVersionView(v);
  }

  @Put(':id/draft')
  @Access(AUTHORS)
  @ApiOperation({ summary: "Change the draft's text (the author's advisors)" })
  @ApiGuidelineCommand(versionTextSchema, { text: TEXT_EXAMPLE })
  async reviseDraft(
    @Change() change: ChangeRequest,
    @Body(new ZodValidationPipe(versionTextSchema)) body: VersionTextInput,
    @Res({ passthrough: true }) res: Response,
  ) {
    return respond(res, await this.service.reviseDraft(change, body), change.principal);
  }

  @Post(':id/versions')
  @HttpCode(200)
  @Access(AUTHORS)
  @ApiOperation({ summary: 'Start the next version as a draft (the author; one draft at a time)' })
  @ApiGuidelineCommand(versionTextSchema, { text: TEXT_EXAMPLE })
  async newVersion(
    @Change() change: ChangeRequest,
    @Body(new ZodValidationPipe(versionTextSchema)) body: VersionTextInput,
    @Res({ passthrough: true }) res: Response,
  ) {
    return respond(res, await this.service.newVersion(change, body), change.principal);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Access({ orgTypes: ['state'], roles: ['planner'] })
  @ApiOperation({
    summary: 'Approve and publish the draft (the state); the version in force until now is retired',
  })
  @ApiGuidelineCommand()
  @ApiEmptyBody()
  async publish(
    @Change() change: ChangeRequest,
    @EmptyBody() _body: unknown,
    @Res({ passthrough: true }) res: Response,
  ) {
    return respond(res, await this.service.publish(change), change.principal);
  }

  @Post(':id/retire')
  @HttpCode(200)
  @Access({ orgTypes: ['municipality', 'region', 'state'], roles: ['planner', 'advisor'] })
  @ApiOperation({
    summary: "Withdraw the version in force, with a reason (the state's planners or the author)",
  })
  @ApiGuidelineCommand(retireSchema, { outdated: { reason: 'Replaced by national guidance' } })
  async retire(
    @Change() change: ChangeRequest,
    @Body(new ZodValidationPipe(retireSchema)) body: RetireInput,
    @Res({ passthrough: true }) res: Response,
  ) {
    return respond(res, await this.service.retire(change, body), change.principal);
  }
}

function badNumber() {
  return ProblemException.validation([
    { pointer: 'path:number', detail: 'must be a version number 1, 2, …' },
  ]);
}
