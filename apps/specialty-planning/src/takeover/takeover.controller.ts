import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@platform/auth';
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
  createTakeoverSchema,
  listTakeoversQuery,
  type CreateTakeoverInput,
  type ListTakeoversQuery,
} from './dto/takeover.dto';
import { TakeoverService } from './takeover.service';
import {
  TAKEOVER_EXAMPLE,
  takeoverPageSchema,
  takeoverViewSchema,
  toTakeoverView,
  type TakeoverView,
} from './takeover.view';

/** Readers: the requesting municipality, the offer's region, the state (and its auditors). */
const READERS = {
  orgTypes: ['municipality', 'region', 'state'] as ('municipality' | 'region' | 'state')[],
  roles: ['planner', 'caseworker', 'auditor'] as ('planner' | 'caseworker' | 'auditor')[],
};

@ApiTags('takeover-requests')
@ApiProblems(401)
@Controller('api/v1/takeover-requests')
export class TakeoverController {
  constructor(private readonly takeovers: TakeoverService) {}

  @Post()
  @Access({ orgTypes: ['municipality'], roles: ['planner', 'caseworker'] })
  @ApiOperation({
    operationId: 'requestTakeover',
    summary: 'Ask to take over a regional offer (SEL § 186): recorded and rejected at once',
    description:
      'The right is abolished (rule 5): the request is stored with status REJECTED and reason ' +
      'MUNICIPAL_TAKEOVER_ABOLISHED, the offer keeps its operator, and ' +
      'dk.social.planning.takeover.rejected.v1 records it. 404 for an unknown offer; 409 ' +
      '`not-a-regional-offer` for an offer no region operates.',
  })
  @ApiBody({
    schema: openApiSchema(createTakeoverSchema),
    examples: { odense: { value: { offerId: TAKEOVER_EXAMPLE.offerId, note: TAKEOVER_EXAMPLE.note } } },
  })
  @ApiIdempotencyKey()
  @ApiJsonResponse(201, takeoverViewSchema, { example: TAKEOVER_EXAMPLE, headers: ['Location'] })
  @ApiProblems(400, 403, 404, 409)
  async request(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodValidationPipe(createTakeoverSchema)) body: CreateTakeoverInput,
    @RequestId() requestId: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TakeoverView> {
    const row = await this.takeovers.request(principal, body, requestId);
    res.setHeader('Location', `/api/v1/takeover-requests/${row.id}`);
    return toTakeoverView(row);
  }

  @Get()
  @Access(READERS)
  @ApiOperation({
    operationId: 'listTakeoverRequests',
    summary: 'Takeover requests: a municipality its own, a region those for its offers, the state all',
  })
  @ApiQueryFrom(listTakeoversQuery)
  @ApiJsonResponse(200, takeoverPageSchema, { example: { items: [TAKEOVER_EXAMPLE], nextCursor: null } })
  @ApiProblems(400, 403)
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query(new ZodValidationPipe(listTakeoversQuery, 'query')) query: ListTakeoversQuery,
  ) {
    const page = await this.takeovers.list(principal, query);
    return { items: page.items.map(toTakeoverView), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @Access(READERS)
  @ApiOperation({
    operationId: 'getTakeoverRequest',
    summary: 'One takeover request in your scope (404 otherwise)',
  })
  @ApiIdParam()
  @ApiJsonResponse(200, takeoverViewSchema, { example: TAKEOVER_EXAMPLE })
  @ApiProblems(400, 403, 404)
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam) id: string,
    @RequestId() requestId: string | undefined,
  ): Promise<TakeoverView> {
    return toTakeoverView(await this.takeovers.get(principal, id, requestId));
  }
}
