import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@platform/auth';
import {
  ApiEmptyBody,
  ApiJsonResponse,
  ApiProblems,
  ApiQueryFrom,
  EmptyBody,
  openApiSchema,
  RequestId,
  ZodValidationPipe,
} from '@platform/http';
import { Change } from '@platform/kit';
import type { Response } from 'express';
import {
  endPlacementSchema,
  rejectSchema,
  startPlacementSchema,
  type EndPlacementInput,
  type RejectInput,
  type StartPlacementInput,
} from '../referral/dto/commands.dto';
import { listReferralsQuery, type ListReferralsQuery } from '../referral/dto/list-referrals.query';
import { REFERRAL_VIEW_EXAMPLE } from '../referral/referral.examples';
import { ApiReferralChange, referralResponse, type ReferralChange } from '../referral/referral.http';
import { ReferralService } from '../referral/referral.service';
import {
  referralPageSchema,
  referralViewSchema,
  toReferralView,
  type ReferralPage,
} from '../referral/referral.view';
import { OperatorService } from './operator.service';

const SENT_EXAMPLE = { ...REFERRAL_VIEW_EXAMPLE, status: 'SENT_TO_OFFER', operatorOrgCode: '1084' };
/** Operators are regions, or municipalities that run an offer; scope is "sent to my offers". */
const OPERATORS = {
  orgTypes: ['region', 'municipality'] as ('region' | 'municipality')[],
  roles: ['caseworker' as const],
};

@ApiTags('operator')
@ApiProblems(401)
@Controller('api/v1')
export class OperatorController {
  constructor(
    private readonly operator: OperatorService,
    private readonly referrals: ReferralService,
  ) {}

  @Get('operator/worklist')
  @Access(OPERATORS)
  @ApiOperation({
    operationId: 'listOperatorWorklist',
    summary: 'Referrals sent to my offers (default: those waiting for my answer, status SENT_TO_OFFER)',
  })
  @ApiQueryFrom(listReferralsQuery)
  @ApiJsonResponse(200, referralPageSchema, { example: { items: [SENT_EXAMPLE], nextCursor: null } })
  @ApiProblems(400, 403)
  async worklist(
    @CurrentPrincipal() principal: Principal,
    @Query(new ZodValidationPipe(listReferralsQuery, 'query')) query: ListReferralsQuery,
    @RequestId() requestId: string | undefined,
  ): Promise<ReferralPage> {
    const page = await this.referrals.listForOperator(
      principal,
      { ...query, status: query.status ?? 'SENT_TO_OFFER' },
      { requestId },
    );
    return { items: page.items.map(toReferralView), nextCursor: page.nextCursor };
  }

  @Post('referrals/:id/accept')
  @HttpCode(200)
  @Access(OPERATORS)
  @ApiOperation({
    operationId: 'acceptReferral',
    summary: 'Accept (optag): only while the offer has a free place (409 no-capacity otherwise)',
  })
  @ApiReferralChange()
  @ApiEmptyBody()
  @ApiJsonResponse(200, referralViewSchema, {
    example: { ...SENT_EXAMPLE, status: 'ACCEPTED' },
    headers: ['ETag'],
  })
  @ApiProblems(404, 409, 412, 428)
  async accept(
    @Change() change: ReferralChange,
    @EmptyBody() _body: unknown,
    @Res({ passthrough: true }) res: Response,
  ) {
    return referralResponse(res, await this.operator.accept(change));
  }

  @Post('referrals/:id/reject')
  @HttpCode(200)
  @Access(OPERATORS)
  @ApiOperation({
    operationId: 'rejectReferral',
    summary: 'Reject (afvis) with a reason, e.g. NO_CAPACITY or TARGET_GROUP_MISMATCH',
  })
  @ApiReferralChange()
  @ApiBody({
    schema: openApiSchema(rejectSchema),
    examples: { full: { value: { reason: 'NO_CAPACITY', note: 'Waiting list until May' } } },
  })
  @ApiJsonResponse(200, referralViewSchema, {
    example: { ...SENT_EXAMPLE, status: 'REJECTED', rejection: { reason: 'NO_CAPACITY', note: null } },
    headers: ['ETag'],
  })
  @ApiProblems(400, 404, 409, 412, 428)
  async reject(
    @Change() change: ReferralChange,
    @Body(new ZodValidationPipe(rejectSchema)) body: RejectInput,
    @Res({ passthrough: true }) res: Response,
  ) {
    return referralResponse(res, await this.operator.reject(change, body));
  }

  @Post('referrals/:id/placement/start')
  @HttpCode(200)
  @Access(OPERATORS)
  @ApiOperation({
    operationId: 'startPlacement',
    summary: 'Record the start of the placement (default: the decided start date)',
  })
  @ApiReferralChange()
  @ApiBody({
    schema: openApiSchema(startPlacementSchema),
    required: false,
    examples: { start: { value: { startDate: '2026-02-01' } } },
  })
  @ApiJsonResponse(200, referralViewSchema, {
    example: { ...SENT_EXAMPLE, status: 'PLACEMENT_ACTIVE', placement: { start: '2026-02-01', end: null } },
    headers: ['ETag'],
  })
  @ApiProblems(400, 404, 409, 412, 428)
  async startPlacement(
    @Change() change: ReferralChange,
    @Body(new ZodValidationPipe(startPlacementSchema, 'body', { optionalBody: true }))
    body: StartPlacementInput,
    @Res({ passthrough: true }) res: Response,
  ) {
    return referralResponse(res, await this.operator.startPlacement(change, body));
  }

  @Post('referrals/:id/placement/end')
  @HttpCode(200)
  @Access(OPERATORS)
  @ApiOperation({
    operationId: 'endPlacement',
    summary: 'Record the end of the placement; the place is free again',
  })
  @ApiReferralChange()
  @ApiBody({
    schema: openApiSchema(endPlacementSchema),
    examples: { end: { value: { endDate: '2026-12-31' } } },
  })
  @ApiJsonResponse(200, referralViewSchema, {
    example: { ...SENT_EXAMPLE, status: 'ENDED', placement: { start: '2026-02-01', end: '2026-12-31' } },
    headers: ['ETag'],
  })
  @ApiProblems(400, 404, 409, 412, 428)
  async endPlacement(
    @Change() change: ReferralChange,
    @Body(new ZodValidationPipe(endPlacementSchema)) body: EndPlacementInput,
    @Res({ passthrough: true }) res: Response,
  ) {
    return referralResponse(res, await this.operator.endPlacement(change, body));
  }
}
