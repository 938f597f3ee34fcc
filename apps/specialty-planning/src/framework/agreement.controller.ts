import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Access, ANY_ORGANISATION, CurrentPrincipal, type Principal } from '@platform/auth';
import {
  ApiIdempotencyKey,
  ApiIdParam,
  ApiIfMatch,
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
import { AgreementService } from './agreement.service';
import {
  AGREEMENT_EXAMPLE,
  agreementEtag,
  agreementListSchema,
  agreementViewSchema,
  toAgreementView,
  type AgreementView,
} from './agreement.view';
import type { AgreementRow } from './agreement.repository';
import {
  agreementStatusSchema,
  createAgreementSchema,
  listAgreementsQuery,
  type AgreementStatusInput,
  type CreateAgreementInput,
  type ListAgreementsQuery,
} from './dto/framework.dto';

/** The area's region and the state record and move agreements; the role is planner. */
const GOVERNORS = { orgTypes: ['region', 'state'] as ('region' | 'state')[], roles: ['planner' as const] };
const areaParam = () => ApiParam({ name: 'code', type: String, example: 'RA-1082' });

const respond = (res: Response, row: AgreementRow): AgreementView =>
  withEtag(res, agreementEtag(row), toAgreementView(row));

@ApiTags('framework-areas')
@ApiProblems(401)
@Controller('api/v1/framework-areas/:code/agreements')
export class AgreementController {
  constructor(private readonly agreements: AgreementService) {}

  @Post()
  @Access(GOVERNORS)
  @ApiOperation({
    operationId: 'createFrameworkAgreement',
    summary: 'Record the social/special-education agreement of an election period with a municipality',
    description:
      "The area's region planner or the state. 400 names `municipalityCode` for a municipality outside the area " +
      'in that period and `electionPeriod` for a period that is not a term or not in the area’s lifetime; 409 ' +
      '`agreement-exists` when the area already has one with the municipality for the period.',
  })
  @areaParam()
  @ApiBody({
    schema: openApiSchema(createAgreementSchema),
    examples: {
      aarhus: { value: { municipalityCode: '751', electionPeriod: '2026-2029', status: 'DRAFT' } },
    },
  })
  @ApiIdempotencyKey()
  @ApiJsonResponse(201, agreementViewSchema, { example: AGREEMENT_EXAMPLE, headers: ['ETag', 'Location'] })
  @ApiProblems(400, 403, 404, 409)
  async create(
    @CurrentPrincipal() principal: Principal,
    @Param('code') code: string,
    @Body(new ZodValidationPipe(createAgreementSchema)) body: CreateAgreementInput,
    @RequestId() requestId: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AgreementView> {
    const row = await this.agreements.create(principal, code, body, requestId);
    res.setHeader('Location', `/api/v1/framework-areas/${row.frameworkAreaCode}/agreements/${row.id}`);
    return respond(res, row);
  }

  @Get()
  @Access(ANY_ORGANISATION)
  @ApiOperation({
    operationId: 'listFrameworkAgreements',
    summary: "The area's agreements, newest period first",
  })
  @areaParam()
  @ApiQueryFrom(listAgreementsQuery)
  @ApiJsonResponse(200, agreementListSchema, { example: { items: [AGREEMENT_EXAMPLE] } })
  @ApiProblems(400, 404)
  async list(
    @Param('code') code: string,
    @Query(new ZodValidationPipe(listAgreementsQuery, 'query')) query: ListAgreementsQuery,
  ) {
    return { items: (await this.agreements.list(code, query)).map(toAgreementView) };
  }

  @Get(':id')
  @Access(ANY_ORGANISATION)
  @ApiOperation({ operationId: 'getFrameworkAgreement', summary: 'One agreement of the area, with its ETag' })
  @areaParam()
  @ApiIdParam()
  @ApiJsonResponse(200, agreementViewSchema, { example: AGREEMENT_EXAMPLE, headers: ['ETag'] })
  @ApiProblems(400, 404)
  async get(
    @Param('code') code: string,
    @Param('id', uuidParam) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AgreementView> {
    return respond(res, await this.agreements.get(code, id));
  }

  @Put(':id/status')
  @Access(GOVERNORS)
  @ApiOperation({
    operationId: 'changeFrameworkAgreementStatus',
    summary:
      'Move the agreement: DRAFT ⇄ NEGOTIATING → SIGNED (→ NEGOTIATING for a revision); EXPIRED after its period',
  })
  @areaParam()
  @ApiIfMatch()
  @ApiIdParam() // below If-Match: decorators apply bottom-up, and the document lists the path id first
  @ApiBody({
    schema: openApiSchema(agreementStatusSchema),
    examples: { sign: { value: { status: 'SIGNED' } } },
  })
  @ApiJsonResponse(200, agreementViewSchema, { example: AGREEMENT_EXAMPLE, headers: ['ETag'] })
  @ApiProblems(400, 403, 404, 409, 412, 428)
  async changeStatus(
    @Param('code') code: string,
    @Change() change: ChangeRequest,
    @Body(new ZodValidationPipe(agreementStatusSchema)) body: AgreementStatusInput,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AgreementView> {
    return respond(res, await this.agreements.changeStatus({ ...change, areaCode: code }, body.status));
  }
}
