import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type AccessRule, type Principal } from '@platform/auth';
import {
  ApiChangeCommand,
  ApiIdempotencyKey,
  ApiIdParam,
  ApiJsonResponse,
  ApiProblems,
  ApiQueryFrom,
  openApiSchema,
  RequestId,
  uuidParam,
  withEtag,
  ZodValidationPipe,
} from '@platform/http';
import { Change, type ChangeRequest } from '@platform/kit';
import type { Response } from 'express';
import type { ZodType } from 'zod';
import { ADVICE_CASE_EXAMPLE, ADVICE_GIVEN_EXAMPLE } from './advice-case.examples';
import { AdviceCaseCommands } from './advice-case-commands.service';
import { AdviceCaseOpening } from './advice-case-opening';
import { AdviceCaseService } from './advice-case.service';
import type { AdviceCaseRow, AssignmentRow } from './advice-case.repository';
import {
  adviceCaseEtag,
  adviceCasePageSchema,
  adviceCaseViewSchema,
  toAdviceCaseView,
} from './advice-case.view';
import {
  declineSchema,
  giveAdviceSchema,
  listCasesQuery,
  openCaseSchema,
  reassignSchema,
  type DeclineInput,
  type GiveAdviceInput,
  type ListCasesQuery,
  type OpenCaseInput,
  type ReassignInput,
} from './dto/advice-case.dto';

/**
 * Who may read advice cases: advisors (the cases they answer), the referring municipality's case workers (the
 * advice on its own referrals) and the state (every case, pseudonymised). The scope narrows it per case.
 */
const READERS: AccessRule = {
  orgTypes: ['municipality', 'region', 'state'],
  roles: ['caseworker', 'advisor', 'planner', 'auditor'],
};
const ADVISORS: AccessRule = { orgTypes: ['municipality', 'region', 'state'], roles: ['advisor'] };
const REASON_EXAMPLE = { reason: 'Målgruppen ligger uden for funktionens kompetencer' };

const respond = (res: Response, row: AdviceCaseRow, history: AssignmentRow[] = []) =>
  withEtag(res, adviceCaseEtag(row), toAdviceCaseView(row, history));
/** A command on one advice case: answered with the case and its new ETag. */
const ApiCaseCommand = (body: ZodType, examples: Record<string, unknown>, example = ADVICE_CASE_EXAMPLE) =>
  ApiChangeCommand({
    id: 'Advice case',
    resource: 'advice case',
    body,
    examples,
    view: adviceCaseViewSchema,
    example,
  });

@ApiTags('advice cases')
@ApiProblems(401)
@Controller('api/v1/advice-cases')
export class AdviceCaseController {
  constructor(
    private readonly cases: AdviceCaseService,
    private readonly opening: AdviceCaseOpening,
    private readonly commands: AdviceCaseCommands,
  ) {}

  @Post()
  @Access({ orgTypes: ['municipality'], roles: ['caseworker'] })
  @ApiOperation({
    summary: 'Ask for advice on a case in doubt (tvivlssag); municipal case workers. One case per referral',
  })
  @ApiBody({
    schema: openApiSchema(openCaseSchema),
    examples: {
      doubt: {
        value: {
          targetGroup: 'AUTISM',
          question: 'Er der behov for et højt specialiseret tilbud, eller kan kommunen løse opgaven?',
          ageGroup: 'CHILD',
        },
      },
    },
  })
  @ApiIdempotencyKey()
  @ApiJsonResponse(201, adviceCaseViewSchema, {
    example: { ...ADVICE_CASE_EXAMPLE, origin: 'MUNICIPALITY', referralId: null },
    headers: ['ETag', 'Location'],
  })
  @ApiProblems(400, 403, 409)
  async open(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodValidationPipe(openCaseSchema)) body: OpenCaseInput,
    @RequestId() requestId: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const row = await this.opening.byMunicipality(principal, body, { requestId });
    res.setHeader('Location', `/api/v1/advice-cases/${row.id}`);
    return this.withHistory(res, row);
  }

  @Get()
  @Access(READERS)
  @ApiOperation({ summary: 'Advice cases in your scope, newest first; every case shown is an audited read' })
  @ApiQueryFrom(listCasesQuery)
  @ApiJsonResponse(200, adviceCasePageSchema, { example: { items: [ADVICE_CASE_EXAMPLE], nextCursor: null } })
  @ApiProblems(400, 403)
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query(new ZodValidationPipe(listCasesQuery, 'query')) query: ListCasesQuery,
    @RequestId() requestId: string | undefined,
  ) {
    const page = await this.cases.list(principal, query, { requestId });
    return { items: page.items.map((i) => toAdviceCaseView(i.row, i.history)), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @Access(READERS)
  @ApiOperation({
    summary: 'One advice case in your scope (404 when it is not), with its countdown; audited',
  })
  @ApiIdParam('The advice case')
  @ApiJsonResponse(200, adviceCaseViewSchema, { example: ADVICE_CASE_EXAMPLE, headers: ['ETag'] })
  @ApiProblems(400, 403, 404)
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam) id: string,
    @RequestId() requestId: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { row, history } = await this.cases.get(principal, id, { requestId });
    return respond(res, row, history);
  }

  @Post(':id/advice')
  @HttpCode(200)
  @Access(ADVISORS)
  @ApiOperation({
    summary:
      "Give advice (rådgivning): level, offer, rationale, guideline version; the assigned function's advisors",
  })
  @ApiCaseCommand(
    giveAdviceSchema,
    {
      high: {
        level: 'HIGH',
        offerId: '6f1c2a9e-3b7d-4c21-9a51-0d2e8b7f4a10',
        rationale: 'Behov for højt specialiseret synsrehabilitering med døgnophold',
        guidelineVersionId: '1c8d0e3f-5a2b-4d4c-9e6f-7b8a9c0d1e2f',
      },
    },
    ADVICE_GIVEN_EXAMPLE,
  )
  async giveAdvice(
    @Change() change: ChangeRequest,
    @Body(new ZodValidationPipe(giveAdviceSchema)) body: GiveAdviceInput,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.withHistory(res, await this.commands.giveAdvice(change, body));
  }

  @Post(':id/reassign')
  @HttpCode(200)
  @Access(ADVISORS)
  @ApiOperation({
    summary: 'Reassign to another approved advisory function (or the national one), with a reason',
  })
  @ApiCaseCommand(reassignSchema, { national: REASON_EXAMPLE })
  async reassign(
    @Change() change: ChangeRequest,
    @Body(new ZodValidationPipe(reassignSchema)) body: ReassignInput,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.withHistory(res, await this.commands.reassign(change, body));
  }

  @Post(':id/decline')
  @HttpCode(200)
  @Access(ADVISORS)
  @ApiOperation({
    summary: 'Decline with a reason: the case moves to the next function in the assignment order',
  })
  @ApiCaseCommand(declineSchema, { outside: REASON_EXAMPLE })
  async decline(
    @Change() change: ChangeRequest,
    @Body(new ZodValidationPipe(declineSchema)) body: DeclineInput,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.withHistory(res, await this.commands.decline(change, body));
  }

  private async withHistory(res: Response, row: AdviceCaseRow) {
    return respond(res, row, await this.cases.historyOf(row.id));
  }
}
