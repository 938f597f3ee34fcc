import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '@platform/auth';
import { findMunicipality } from '@platform/domain';
import { ApiJsonResponse, ApiProblems, ApiQueryFrom, ZodValidationPipe } from '@platform/http';
import { metricsQuery, type MetricsQuery } from './dto/metrics.query';
import { MetricsRepository } from './metrics.repository';
import { METRICS_EXAMPLE, metricsSchema } from './metrics.view';

/**
 * Volume and competence metrics: counts only, no citizen. The state reads them (and specialty planning's
 * planners, for the volume flag); advisors see how their functions stand.
 */
@ApiTags('knowledge metrics')
@ApiProblems(401)
@Controller('api/v1/knowledge-metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsRepository) {}

  @Get()
  @Access({ orgTypes: ['municipality', 'region', 'state'], roles: ['planner', 'advisor', 'auditor'] })
  @ApiOperation({
    summary:
      'Per advisory function, knowledge environment and municipality, per year: citizens advised, on time, followed/deviated',
  })
  @ApiQueryFrom(metricsQuery)
  @ApiJsonResponse(200, metricsSchema, { example: METRICS_EXAMPLE })
  @ApiProblems(400, 403)
  async get(@Query(new ZodValidationPipe(metricsQuery, 'query')) query: MetricsQuery) {
    const filter = {
      year: query.year,
      offerId: query.offerId,
      targetGroup: query.targetGroup,
      municipalityCode: query.municipality,
    };
    const [functions, environments, municipalities] = await Promise.all([
      this.metrics.perFunction(filter),
      this.metrics.perEnvironment(filter),
      this.metrics.perMunicipality(filter),
    ]);
    return {
      year: query.year,
      functions: functions.map((m) => ({
        ...m,
        belowMinimumVolume: m.minimumYearlyVolume === null ? null : m.citizensAdvised < m.minimumYearlyVolume,
      })),
      environments,
      municipalities: municipalities.map((m) => ({
        ...m,
        municipalityName: findMunicipality(m.municipalityCode)?.name ?? null,
      })),
    };
  }
}
