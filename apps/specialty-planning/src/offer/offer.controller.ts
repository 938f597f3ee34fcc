import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, ANY_ORGANISATION, CurrentPrincipal, type AccessRule, type Principal } from '@platform/auth';
import {
  ApiIdempotencyKey,
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
import {
  editOfferSchema,
  placesSchema,
  registerOfferSchema,
  type EditOfferInput,
  type PlacesInput,
  type RegisterOfferInput,
} from './dto/offer-body.dto';
import { occupancyQuery, type OccupancyQuery } from './dto/occupancy.query';
import { searchOffersQuery, type SearchOffersQuery } from './dto/search-offers.query';
import { OfferCommands } from './offer-commands.service';
import { OfferReader } from './offer-reader.service';
import { INTERVENTION_EXAMPLE, OFFER_VIEW_EXAMPLE, REGISTER_OFFER_EXAMPLE } from './offer.examples';
import { ApiOfferChange, ApiOfferId, offerEtag } from './offer.http';
import {
  OCCUPANCY_HISTORY_EXAMPLE,
  occupancyHistorySchema,
  type OccupancyHistoryView,
} from './occupancy.view';
import { offerPageSchema, offerViewSchema, type OfferPage, type OfferView } from './offer.view';

/** Operators of offers: planners of regions and of municipalities that run offers. */
const OPERATORS: AccessRule = { orgTypes: ['region', 'municipality'], roles: ['planner'] };

const viewResponse = (res: Response, view: OfferView) => withEtag(res, offerEtag(view), view);

@ApiTags('offers')
@ApiProblems(401)
@Controller('api/v1/offers')
export class OfferController {
  constructor(
    private readonly commands: OfferCommands,
    private readonly reader: OfferReader,
  ) {}

  @Post()
  @Access(OPERATORS)
  @ApiOperation({ summary: 'Register an offer (tilbud) operated by your organisation' })
  @ApiBody({
    schema: openApiSchema(registerOfferSchema),
    examples: { offer: { value: REGISTER_OFFER_EXAMPLE }, intervention: { value: INTERVENTION_EXAMPLE } },
  })
  @ApiIdempotencyKey()
  @ApiJsonResponse(201, offerViewSchema, {
    description: 'Registered; ETag carries the version, Location the offer',
    example: OFFER_VIEW_EXAMPLE,
    headers: ['ETag', 'Location'],
  })
  @ApiProblems(400, 403, 413)
  async register(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodValidationPipe(registerOfferSchema)) body: RegisterOfferInput,
    @RequestId() requestId: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const row = await this.commands.register(principal, body, { requestId });
    res.setHeader('Location', `/api/v1/offers/${row.id}`);
    return viewResponse(res, await this.reader.current(row.id));
  }

  @Get()
  @Access(ANY_ORGANISATION)
  @ApiOperation({
    summary:
      'Search the directory by target group, level, region, municipality, free places, function, operator',
  })
  @ApiQueryFrom(searchOffersQuery)
  @ApiJsonResponse(200, offerPageSchema, { example: { items: [OFFER_VIEW_EXAMPLE], nextCursor: null } })
  @ApiProblems(400)
  search(
    @Query(new ZodValidationPipe(searchOffersQuery, 'query')) query: SearchOffersQuery,
  ): Promise<OfferPage> {
    return this.reader.search(query);
  }

  @Get(':id')
  @Access(ANY_ORGANISATION)
  @ApiOperation({ summary: 'One offer of the directory, with occupancy, Socialtilsyn and interventions' })
  @ApiOfferId()
  @ApiJsonResponse(200, offerViewSchema, { example: OFFER_VIEW_EXAMPLE, headers: ['ETag'] })
  @ApiProblems(400, 404)
  async get(@Param('id', uuidParam) id: string, @Res({ passthrough: true }) res: Response) {
    return viewResponse(res, await this.reader.get(id));
  }

  @Get(':id/occupancy')
  @Access(ANY_ORGANISATION)
  @ApiOperation({
    summary:
      "An offer's occupancy per day (belægning over time): occupied places and places, at most 366 days",
  })
  @ApiOfferId()
  @ApiQueryFrom(occupancyQuery)
  @ApiJsonResponse(200, occupancyHistorySchema, { example: OCCUPANCY_HISTORY_EXAMPLE })
  @ApiProblems(400, 404)
  occupancy(
    @Param('id', uuidParam) id: string,
    @Query(new ZodValidationPipe(occupancyQuery, 'query')) query: OccupancyQuery,
  ): Promise<OccupancyHistoryView> {
    return this.reader.occupancy(id, query);
  }

  @Put(':id')
  @Access(OPERATORS)
  @ApiOperation({ summary: "Edit your offer's declaration (everything but places, operator and provider)" })
  @ApiOfferChange()
  @ApiBody({ schema: openApiSchema(editOfferSchema), examples: { offer: { value: editExample() } } })
  @ApiJsonResponse(200, offerViewSchema, {
    example: { ...OFFER_VIEW_EXAMPLE, version: 2 },
    headers: ['ETag'],
  })
  @ApiProblems(400, 403, 404, 409, 412, 428)
  async edit(
    @Change() change: ChangeRequest,
    @Body(new ZodValidationPipe(editOfferSchema)) body: EditOfferInput,
    @Res({ passthrough: true }) res: Response,
  ) {
    const row = await this.commands.edit(change, body);
    return viewResponse(res, await this.reader.current(row.id));
  }

  @Put(':id/places')
  @Access(OPERATORS)
  @ApiOperation({ summary: 'Set the number of places of your offer (pladser; never below 0)' })
  @ApiOfferChange()
  @ApiBody({ schema: openApiSchema(placesSchema), examples: { more: { value: { places: 14 } } } })
  @ApiJsonResponse(200, offerViewSchema, {
    example: { ...OFFER_VIEW_EXAMPLE, version: 2 },
    headers: ['ETag'],
  })
  @ApiProblems(400, 403, 404, 412, 428)
  async setPlaces(
    @Change() change: ChangeRequest,
    @Body(new ZodValidationPipe(placesSchema)) body: PlacesInput,
    @Res({ passthrough: true }) res: Response,
  ) {
    const row = await this.commands.setPlaces(change, body.places);
    return viewResponse(res, await this.reader.current(row.id));
  }
}

/** The registration example without its places (they have their own endpoint). */
function editExample() {
  return Object.fromEntries(Object.entries(REGISTER_OFFER_EXAMPLE).filter(([key]) => key !== 'places'));
}
