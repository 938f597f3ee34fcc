import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Access, ANY_ORGANISATION } from '@platform/auth';
import { frameworkAreasOn, todayInDenmark } from '@platform/domain';
import { ApiJsonResponse, ApiProblems, ApiQueryFrom, ZodValidationPipe } from '@platform/http';
import { areaOrNotFound } from './area-lookup';
import { areaOnQuery, type AreaOnQuery } from './dto/framework.dto';
import {
  defaultDayOf,
  FRAMEWORK_AREA_EXAMPLE,
  frameworkAreaListSchema,
  frameworkAreaViewSchema,
  toFrameworkAreaView,
  type FrameworkAreaView,
} from './framework-area.view';

/**
 * Framework-agreement areas (rammeaftaleområder), one per region over time, derived from the regions of
 * libs/domain: public reference data, read with any valid token.
 */
@ApiTags('framework-areas')
@ApiProblems(401)
@Controller('api/v1/framework-areas')
export class FrameworkAreaController {
  @Get()
  @Access(ANY_ORGANISATION)
  @ApiOperation({
    operationId: 'listFrameworkAreas',
    summary:
      'The framework-agreement areas valid on a date, with their municipalities and cooperation committee',
  })
  @ApiQueryFrom(areaOnQuery)
  @ApiJsonResponse(200, frameworkAreaListSchema, {
    example: { on: '2027-01-01', items: [FRAMEWORK_AREA_EXAMPLE] },
  })
  @ApiProblems(400)
  list(@Query(new ZodValidationPipe(areaOnQuery, 'query')) query: AreaOnQuery) {
    const on = query.on ?? todayInDenmark();
    return { on, items: frameworkAreasOn(on).map((a) => toFrameworkAreaView(a, on)) };
  }

  @Get(':code')
  @Access(ANY_ORGANISATION)
  @ApiOperation({
    operationId: 'getFrameworkArea',
    summary: 'One framework-agreement area (RA-1082, or the region code 1082), also one that has ended',
  })
  @ApiParam({ name: 'code', type: String, example: 'RA-1082' })
  @ApiQueryFrom(areaOnQuery)
  @ApiJsonResponse(200, frameworkAreaViewSchema, { example: FRAMEWORK_AREA_EXAMPLE })
  @ApiProblems(400, 404)
  get(
    @Param('code') code: string,
    @Query(new ZodValidationPipe(areaOnQuery, 'query')) query: AreaOnQuery,
  ): FrameworkAreaView {
    const area = areaOrNotFound(code);
    return toFrameworkAreaView(area, query.on ?? defaultDayOf(area, todayInDenmark()));
  }
}
