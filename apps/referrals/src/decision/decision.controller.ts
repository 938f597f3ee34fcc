import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '@platform/auth';
import {
  ApiEmptyBody,
  ApiJsonResponse,
  ApiProblems,
  EmptyBody,
  openApiSchema,
  ZodValidationPipe,
} from '@platform/http';
import { Change } from '@platform/kit';
import type { Response } from 'express';
import { decideSchema, type DecideInput } from '../referral/dto/commands.dto';
import { REFERRAL_VIEW_EXAMPLE } from '../referral/referral.examples';
import { ApiReferralChange, referralResponse, type ReferralChange } from '../referral/referral.http';
import { referralViewSchema } from '../referral/referral.view';
import { DecisionService } from './decision.service';

const DECIDED_EXAMPLE = {
  ...REFERRAL_VIEW_EXAMPLE,
  status: 'DECIDED',
  decision: {
    offerId: '0b7e2f6a-5d1c-4f3e-9a2b-6c8d0e1f2a3b',
    level: 'HIGH',
    startDate: '2026-02-01',
    decidedAt: '2026-01-28T10:00:00.000Z',
    decidedBeforeAdvice: false,
    followsAdvice: true,
    deviation: false,
    deviationReasons: [],
    deviationJustification: null,
  },
};

@ApiTags('decisions')
@ApiProblems(401)
@Controller('api/v1/referrals')
export class DecisionController {
  constructor(private readonly decisions: DecisionService) {}

  @Post(':id/decision')
  @HttpCode(200)
  @Access({ orgTypes: ['municipality'], roles: ['caseworker'] })
  @ApiOperation({
    operationId: 'decideReferral',
    summary: 'Decide (træf afgørelse): offer, level, start date',
    description:
      'follows_advice and deviation are computed. A lower level than advised or another offer than advised is a deviation and needs `justification` (minimum length configurable). Before advice only an urgent referral may be decided.',
  })
  @ApiReferralChange()
  @ApiBody({
    schema: openApiSchema(decideSchema),
    examples: {
      followsAdvice: {
        value: { offerId: '0b7e2f6a-5d1c-4f3e-9a2b-6c8d0e1f2a3b', level: 'HIGH', startDate: '2026-02-01' },
      },
      deviation: {
        value: {
          offerId: '5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
          level: 'MODERATE',
          startDate: '2026-02-01',
          justification: 'A moderate offer near the family meets the needs described in the advice',
        },
      },
    },
  })
  @ApiJsonResponse(200, referralViewSchema, { example: DECIDED_EXAMPLE, headers: ['ETag'] })
  @ApiProblems(400, 404, 409, 412, 428)
  async decide(
    @Change() change: ReferralChange,
    @Body(new ZodValidationPipe(decideSchema)) body: DecideInput,
    @Res({ passthrough: true }) res: Response,
  ) {
    return referralResponse(res, await this.decisions.decide(change, body));
  }

  @Post(':id/send')
  @HttpCode(200)
  @Access({ orgTypes: ['municipality'], roles: ['caseworker'] })
  @ApiOperation({ operationId: 'sendReferral', summary: "Send the decided referral to the offer's operator" })
  @ApiReferralChange()
  @ApiEmptyBody()
  @ApiJsonResponse(200, referralViewSchema, {
    example: { ...DECIDED_EXAMPLE, status: 'SENT_TO_OFFER', operatorOrgCode: '1084' },
    headers: ['ETag'],
  })
  @ApiProblems(404, 409, 412, 428)
  async send(
    @Change() change: ReferralChange,
    @EmptyBody() _body: unknown,
    @Res({ passthrough: true }) res: Response,
  ) {
    return referralResponse(res, await this.decisions.send(change));
  }
}
