import { Body, Controller, Get, Param, ParseIntPipe, Put } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@platform/auth';
import {
  ApiJsonResponse,
  ApiProblems,
  namedSchema,
  openApiSchema,
  pathUuid,
  ProblemException,
  RequestId,
  uuidView,
  ZodValidationPipe,
} from '@platform/http';
import { z } from 'zod';
import { oreView } from '../common/money-fields';
import { setRateSchema, type SetRateInput } from './rate.dto';
import { RateRepository, type RateRow } from './rate.repository';
import { RateService } from './rate.service';

const rateViewSchema = namedSchema(
  'RateView',
  z.object({
    offerId: uuidView,
    year: z.number().int(),
    unit: z.enum(['DAY', 'MONTH']),
    amountOre: oreView,
    knowledgeOverheadOre: oreView.meta({ description: 'The part of the rate that funds knowledge' }),
    revision: z.number().int(),
    setByOrgCode: z.string(),
  }),
);
const RATE_EXAMPLE = {
  offerId: '7f1c7d8e-3a4b-4c5d-8e9f-0a1b2c3d4e5f',
  year: 2026,
  unit: 'DAY',
  amountOre: 450_000,
  knowledgeOverheadOre: 9_000,
  revision: 1,
  setByOrgCode: '1084',
};
const toView = ({ updatedAt: _u, ...r }: RateRow) => r;

function yearParam() {
  return new ParseIntPipe({
    exceptionFactory: () => ProblemException.validation([{ pointer: 'path:year', detail: 'must be a year' }]),
  });
}

/** Rates (takster) per offer and year: set by the offer's operator, read by everyone. */
@ApiTags('rates')
@ApiProblems(401)
@Controller('api/v1/offers/:offerId/rates')
export class RateController {
  constructor(
    private readonly rates: RateRepository,
    private readonly service: RateService,
  ) {}

  @Get()
  @Access({ orgTypes: ['municipality', 'region', 'state'] })
  @ApiOperation({ summary: "An offer's rates, per year" })
  @ApiParam({ name: 'offerId', type: String, format: 'uuid' })
  @ApiJsonResponse(200, namedSchema('RateList', z.object({ items: z.array(rateViewSchema) })), {
    example: { items: [RATE_EXAMPLE] },
  })
  @ApiProblems(400)
  async list(@Param('offerId') offerId: string) {
    return { items: (await this.rates.forOffer(pathUuid(offerId, 'offerId'))).map(toView) };
  }

  @Put(':year')
  @Access({ orgTypes: ['region', 'municipality'], roles: ['planner', 'finance'] })
  @ApiOperation({ summary: "Set an offer's rate for a year (its operator's planners)" })
  @ApiParam({ name: 'offerId', type: String, format: 'uuid' })
  @ApiParam({ name: 'year', type: Number })
  @ApiBody({
    schema: openApiSchema(setRateSchema),
    examples: { day: { value: { unit: 'DAY', amount: '4500.00', knowledgeOverhead: '90.00' } } },
  })
  @ApiJsonResponse(200, rateViewSchema, { example: RATE_EXAMPLE })
  @ApiProblems(400, 403, 404)
  async set(
    @CurrentPrincipal() principal: Principal,
    @Param('offerId') offerIdText: string,
    @Param('year', yearParam()) year: number,
    @Body(new ZodValidationPipe(setRateSchema)) body: SetRateInput,
    @RequestId() requestId: string | undefined,
  ) {
    const offerId = pathUuid(offerIdText, 'offerId');
    if (year < 2000 || year > 2100)
      throw ProblemException.validation([{ pointer: 'path:year', detail: 'must be a year 2000–2100' }]);
    return toView(await this.service.set(principal, offerId, year, body, requestId));
  }
}
