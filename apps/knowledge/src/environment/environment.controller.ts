import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, ANY_ORGANISATION } from '@platform/auth';
import { todayInDenmark } from '@platform/domain';
import {
  ApiIdParam,
  ApiJsonResponse,
  ApiProblems,
  ApiQueryFrom,
  ProblemException,
  uuidParam,
  ZodValidationPipe,
} from '@platform/http';
import {
  environmentQuery,
  listEnvironmentsQuery,
  type EnvironmentQuery,
  type ListEnvironmentsQuery,
} from './dto/environment.query';
import { ENVIRONMENT_EXAMPLE } from './environment.examples';
import { EnvironmentRepository } from './environment.repository';
import { environmentListSchema, environmentViewSchema, toEnvironments } from './environment.view';

/**
 * The roster of knowledge environments (vidensmiljøer) is public within the platform: which offers advise on
 * which target groups, where. No personal data; any organisation with a valid token may read it.
 */
@ApiTags('knowledge environments')
@ApiProblems(401)
@Controller('api/v1/knowledge-environments')
export class EnvironmentController {
  constructor(private readonly roster: EnvironmentRepository) {}

  @Get()
  @Access(ANY_ORGANISATION)
  @ApiOperation({ summary: 'Knowledge environments (vidensmiljøer) and their advisory functions, on a date' })
  @ApiQueryFrom(listEnvironmentsQuery)
  @ApiJsonResponse(200, environmentListSchema, {
    example: { on: '2026-03-02', items: [ENVIRONMENT_EXAMPLE] },
  })
  @ApiProblems(400)
  async list(@Query(new ZodValidationPipe(listEnvironmentsQuery, 'query')) query: ListEnvironmentsQuery) {
    const on = query.on ?? todayInDenmark();
    const rows = await this.roster.list({ targetGroup: query.targetGroup });
    // With a target group, the rows are that group's functions only: `active` is then active for the group.
    const items = toEnvironments(rows, on)
      .filter((e) => query.activeOnly === false || e.active)
      .filter((e) => !query.regionCode || e.regionCode === query.regionCode);
    return { on, items };
  }

  @Get(':id')
  @Access(ANY_ORGANISATION)
  @ApiOperation({
    summary: 'One knowledge environment by its offer id, with every advisory function it held',
  })
  @ApiIdParam('The offer of the knowledge environment')
  @ApiQueryFrom(environmentQuery)
  @ApiJsonResponse(200, environmentViewSchema, { example: ENVIRONMENT_EXAMPLE })
  @ApiProblems(400, 404)
  async get(
    @Param('id', uuidParam) offerId: string,
    @Query(new ZodValidationPipe(environmentQuery, 'query')) query: EnvironmentQuery,
  ) {
    const [environment] = toEnvironments(await this.roster.list({ offerId }), query.on ?? todayInDenmark());
    if (!environment) throw ProblemException.notFound(`knowledge environment ${offerId}`);
    return environment;
  }
}
