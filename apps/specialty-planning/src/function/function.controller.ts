import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, ANY_ORGANISATION } from '@platform/auth';
import {
  ApiIdParam,
  ApiJsonResponse,
  ApiProblems,
  ApiQueryFrom,
  uuidParam,
  ZodValidationPipe,
} from '@platform/http';
import { listFunctionsQuery, type ListFunctionsQuery } from './dto/list-functions.query';
import { FunctionService, type FunctionPage } from './function.service';
import {
  FUNCTION_VIEW_EXAMPLE,
  functionPageSchema,
  functionViewSchema,
  type FunctionView,
} from './function.view';

@ApiTags('functions')
@ApiProblems(401)
@Controller('api/v1/functions')
export class FunctionController {
  constructor(private readonly functions: FunctionService) {}

  @Get()
  @Access(ANY_ORGANISATION)
  @ApiOperation({
    summary:
      'Approved functions (specialfunktioner, rådgivningsfunktioner), soonest ending first, with volume and flags; ' +
      'expiringWithinMonths=6 lists those to renew, belowMinimum=true those below their minimum volume',
  })
  @ApiQueryFrom(listFunctionsQuery)
  @ApiJsonResponse(200, functionPageSchema, { example: { items: [FUNCTION_VIEW_EXAMPLE], nextCursor: null } })
  @ApiProblems(400, 403)
  list(
    @Query(new ZodValidationPipe(listFunctionsQuery, 'query')) query: ListFunctionsQuery,
  ): Promise<FunctionPage> {
    return this.functions.list(query);
  }

  @Get(':id')
  @Access(ANY_ORGANISATION)
  @ApiOperation({ summary: 'One approved function, with its volume and flags' })
  @ApiIdParam('The function')
  @ApiJsonResponse(200, functionViewSchema, { example: FUNCTION_VIEW_EXAMPLE })
  @ApiProblems(400, 403, 404)
  get(@Param('id', uuidParam) id: string): Promise<FunctionView> {
    return this.functions.get(id);
  }
}
