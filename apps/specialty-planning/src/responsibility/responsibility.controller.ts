import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Access, ANY_ORGANISATION, CurrentPrincipal, type Principal } from '@platform/auth';
import {
  ApiIdempotencyKey,
  ApiJsonResponse,
  ApiProblems,
  ApiQueryFrom,
  openApiSchema,
  RequestId,
  ZodValidationPipe,
} from '@platform/http';
import type { Response } from 'express';
import {
  onDateQuery,
  responsibilityChangeSchema,
  type OnDateQuery,
  type ResponsibilityChangeInput,
} from './dto/responsibility.dto';
import { ResponsibilityService } from './responsibility.service';
import {
  responsibilityChangeViewSchema,
  TARGET_GROUP_EXAMPLE,
  targetGroupListSchema,
  targetGroupViewSchema,
  toChangeView,
  type ResponsibilityChangeView,
} from './responsibility.view';

const codeParam = () =>
  ApiParam({
    name: 'code',
    type: String,
    description: 'Target group: our code (VISION) or its FFB code (UUID)',
  });

@ApiTags('target-groups')
@ApiProblems(401)
@Controller('api/v1/target-groups')
export class ResponsibilityController {
  constructor(private readonly responsibility: ResponsibilityService) {}

  @Get()
  @Access(ANY_ORGANISATION)
  @ApiOperation({
    operationId: 'listTargetGroups',
    summary: 'Every target group (målgruppe) with its responsibility on a date and its timeline',
  })
  @ApiQueryFrom(onDateQuery)
  @ApiJsonResponse(200, targetGroupListSchema, { example: { items: [TARGET_GROUP_EXAMPLE] } })
  @ApiProblems(400)
  async list(@Query(new ZodValidationPipe(onDateQuery, 'query')) query: OnDateQuery) {
    return { items: await this.responsibility.list(query.on) };
  }

  @Get(':code')
  @Access(ANY_ORGANISATION)
  @ApiOperation({
    operationId: 'getTargetGroup',
    summary: 'One target group, by our code or its FFB code, with its responsibility on a date',
  })
  @codeParam()
  @ApiQueryFrom(onDateQuery)
  @ApiJsonResponse(200, targetGroupViewSchema, { example: TARGET_GROUP_EXAMPLE })
  @ApiProblems(400, 404)
  get(@Param('code') code: string, @Query(new ZodValidationPipe(onDateQuery, 'query')) query: OnDateQuery) {
    return this.responsibility.get(code, query.on);
  }

  @Post(':code/responsibility-changes')
  @Access({ orgTypes: ['state'], roles: ['planner'] })
  @ApiOperation({
    operationId: 'changeResponsibility',
    summary: 'Make the target group MUNICIPAL or REGIONAL from a date (the state only)',
    description:
      'Never retroactive over decided placements: a date before today is refused (409 ' +
      '`retroactive-responsibility-change`, with `earliestAllowed`) when a referral of the target group was ' +
      'decided or placed on or after it. Emits dk.social.planning.responsibility.changed.v1, keyed by the target group.',
  })
  @codeParam()
  @ApiBody({
    schema: openApiSchema(responsibilityChangeSchema),
    examples: { regional: { value: { responsibility: 'REGIONAL', effectiveFrom: '2027-01-01' } } },
  })
  @ApiIdempotencyKey()
  @ApiJsonResponse(201, responsibilityChangeViewSchema, {
    description: 'Recorded; Location is the target group',
    example: {
      id: '6f1c3a52-4e1b-4d59-9a51-1f0b7f0a2c11',
      targetGroup: 'VISION',
      responsibility: 'REGIONAL',
      effectiveFrom: '2027-01-01',
      recordedAt: '2026-11-26T10:00:00.000Z',
    },
    headers: ['Location'],
  })
  @ApiProblems(400, 403, 404, 409)
  async change(
    @CurrentPrincipal() principal: Principal,
    @Param('code') code: string,
    @Body(new ZodValidationPipe(responsibilityChangeSchema)) body: ResponsibilityChangeInput,
    @RequestId() requestId: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ResponsibilityChangeView> {
    const row = await this.responsibility.change(principal, code, body, requestId);
    res.setHeader('Location', `/api/v1/target-groups/${row.targetGroup}`);
    return toChangeView(row);
  }
}
