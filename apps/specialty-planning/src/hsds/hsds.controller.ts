import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@platform/auth';
import {
  ApiIdempotencyKey,
  ApiJsonResponse,
  ApiProblems,
  openApiSchema,
  RequestId,
  ZodValidationPipe,
} from '@platform/http';
import { HsdsService } from './hsds.service';
import {
  hsdsDocumentSchema,
  hsdsImportResultSchema,
  type HsdsDocument,
  type HsdsImportResult,
} from './hsds.schema';

/**
 * The operator's offers as Open Referral HSDS 3.0 JSON, so a region moves its data in and out without hand
 * typing. Registered before `GET /offers/:id` (OfferModule imports this module first), so `hsds` is no id.
 */
@ApiTags('offers')
@ApiProblems(401)
@Controller('api/v1/offers/hsds')
export class HsdsController {
  constructor(private readonly hsds: HsdsService) {}

  @Get()
  @Access({ orgTypes: ['region', 'municipality'], roles: ['planner'] })
  @ApiOperation({
    summary: 'Export your offers as HSDS 3.0 (organization, service, location, service_at_location)',
  })
  @ApiJsonResponse(200, hsdsDocumentSchema)
  @ApiProblems(403)
  export(@CurrentPrincipal() principal: Principal): Promise<HsdsDocument> {
    return this.hsds.export(principal);
  }

  @Post()
  @HttpCode(200)
  @Access({ orgTypes: ['region', 'municipality'], roles: ['planner'] })
  @ApiOperation({
    summary:
      'Import your offers from HSDS 3.0: new services are registered, known ones (service id = offer id) updated; all or nothing',
  })
  @ApiBody({ schema: openApiSchema(hsdsDocumentSchema) })
  @ApiIdempotencyKey()
  @ApiJsonResponse(200, hsdsImportResultSchema, {
    example: { created: ['3f1c9a52-6f0e-4c1b-9a57-0a2e6f1d2b44'], updated: [], unchanged: [] },
  })
  @ApiProblems(400, 403, 409, 413)
  import(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodValidationPipe(hsdsDocumentSchema)) doc: HsdsDocument,
    @RequestId() requestId: string | undefined,
  ): Promise<HsdsImportResult> {
    return this.hsds.import(principal, doc, { requestId });
  }
}
