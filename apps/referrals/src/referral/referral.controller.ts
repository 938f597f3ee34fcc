import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type AccessRule, type Principal } from '@platform/auth';
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
import { Change } from '@platform/kit';
import type { Response } from 'express';
import { withdrawSchema, type WithdrawInput } from './dto/commands.dto';
import { createReferralSchema, type CreateReferralInput } from './dto/create-referral.dto';
import { listReferralsQuery, type ListReferralsQuery } from './dto/list-referrals.query';
import { CREATE_REFERRAL_EXAMPLE, REFERRAL_VIEW_EXAMPLE } from './referral.examples';
import { ReferralCommands } from './referral-commands.service';
import { ApiReferralChange, referralResponse, type ReferralChange } from './referral.http';
import { ReferralService } from './referral.service';
import {
  citizenIdentitySchema,
  referralPageSchema,
  referralViewSchema,
  toReferralView,
  type ReferralPage,
} from './referral.view';

const idParam = () => ApiIdParam('The referral');

/**
 * Who may read citizens' cases: case workers (sagsbehandlere) of the referring municipality and of the operator,
 * and their case systems. A region's advisors and planners work with advice and plans, not with cases.
 */
const CASE_READERS: AccessRule = { orgTypes: ['municipality', 'region'], roles: ['caseworker'] };

@ApiTags('referrals')
@ApiProblems(401)
@Controller('api/v1/referrals')
export class ReferralController {
  constructor(
    private readonly referrals: ReferralService,
    private readonly commands: ReferralCommands,
  ) {}

  @Post()
  @Access({ orgTypes: ['municipality'], roles: ['caseworker'] })
  @ApiOperation({ summary: 'Create a referral (opret visitationssag); municipal case workers only' })
  @ApiBody({
    schema: openApiSchema(createReferralSchema),
    examples: { adult: { value: CREATE_REFERRAL_EXAMPLE } },
  })
  @ApiIdempotencyKey()
  @ApiJsonResponse(201, referralViewSchema, {
    description: 'Created; ETag carries the version, Location the new referral',
    example: REFERRAL_VIEW_EXAMPLE,
    headers: ['ETag', 'Location'],
  })
  @ApiProblems(400, 403, 413)
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodValidationPipe(createReferralSchema)) body: CreateReferralInput,
    @RequestId() requestId: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const row = await this.referrals.create(principal, body, { requestId });
    res.setHeader('Location', `/api/v1/referrals/${row.id}`);
    return referralResponse(res, row);
  }

  @Get()
  @Access(CASE_READERS)
  @ApiOperation({ summary: 'List referrals in your scope, newest first, with filters and cursor pagination' })
  @ApiQueryFrom(listReferralsQuery)
  @ApiJsonResponse(200, referralPageSchema, { example: { items: [REFERRAL_VIEW_EXAMPLE], nextCursor: null } })
  @ApiProblems(400, 403)
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query(new ZodValidationPipe(listReferralsQuery, 'query')) query: ListReferralsQuery,
    @RequestId() requestId: string | undefined,
  ): Promise<ReferralPage> {
    const page = await this.referrals.list(principal, query, { requestId });
    return { items: page.items.map(toReferralView), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @Access(CASE_READERS)
  @ApiOperation({ summary: 'One referral in your scope (404 when it is not)' })
  @idParam()
  @ApiJsonResponse(200, referralViewSchema, { example: REFERRAL_VIEW_EXAMPLE, headers: ['ETag'] })
  @ApiProblems(403, 404)
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam) id: string,
    @RequestId() requestId: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    return referralResponse(res, await this.referrals.get(principal, id, { requestId }));
  }

  @Get(':id/citizen')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @Access(CASE_READERS)
  @ApiOperation({
    operationId: 'getReferralCitizen',
    summary:
      "The citizen's identity (CPR): referring municipality, or the operator after acceptance. Audited.",
  })
  @idParam()
  @ApiJsonResponse(200, citizenIdentitySchema, {
    example: { cpr: '0101901234', pseudonym: '9f2b…', ageGroup: 'ADULT' },
  })
  @ApiProblems(403, 404)
  citizen(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam) id: string,
    @RequestId() requestId: string | undefined,
  ) {
    return this.referrals.citizen(principal, id, { requestId });
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Access({ orgTypes: ['municipality'], roles: ['caseworker'] })
  @ApiOperation({
    summary: 'Submit (indsend): computes whether specialist advice is mandatory, and its deadline',
  })
  @ApiReferralChange()
  @ApiEmptyBody()
  @ApiJsonResponse(200, referralViewSchema, {
    example: { ...REFERRAL_VIEW_EXAMPLE, status: 'AWAITING_ADVICE' },
    headers: ['ETag'],
  })
  @ApiProblems(400, 404, 409, 412, 428)
  async submit(
    @Change() change: ReferralChange,
    @EmptyBody() _body: unknown,
    @Res({ passthrough: true }) res: Response,
  ) {
    return referralResponse(res, await this.commands.submit(change));
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Access({ orgTypes: ['municipality'], roles: ['caseworker'] })
  @ApiOperation({ summary: 'Withdraw (tilbagekald) from any open state, with a reason' })
  @ApiReferralChange()
  @ApiBody({
    schema: openApiSchema(withdrawSchema),
    examples: { moved: { value: { reason: 'The citizen moved to another municipality' } } },
  })
  @ApiJsonResponse(200, referralViewSchema, {
    example: { ...REFERRAL_VIEW_EXAMPLE, status: 'WITHDRAWN', withdrawnReason: 'The citizen moved' },
    headers: ['ETag'],
  })
  @ApiProblems(400, 404, 409, 412, 428)
  async withdraw(
    @Change() change: ReferralChange,
    @Body(new ZodValidationPipe(withdrawSchema)) body: WithdrawInput,
    @Res({ passthrough: true }) res: Response,
  ) {
    return referralResponse(res, await this.commands.withdraw(change, body));
  }
}
