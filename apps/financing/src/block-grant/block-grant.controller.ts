import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@platform/auth';
import {
  ApiEmptyBody,
  ApiIdempotencyKey,
  ApiIdParam,
  ApiJsonResponse,
  ApiProblems,
  ApiQueryFrom,
  EmptyBody,
  isoInstantView,
  namedSchema,
  openApiSchema,
  ProblemException,
  RequestId,
  uuidParam,
  uuidView,
  ZodValidationPipe,
} from '@platform/http';
import { z } from 'zod';
import { kronerInput, oreView, year } from '../common/money-fields';
import { GRANT_KEYS } from './block-grant.domain';
import type { GrantRow } from './block-grant.repository';
import { BlockGrantService, type GrantInput } from './block-grant.service';
import { BlockGrantRepository } from './block-grant.repository';

const grantSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  total: kronerInput.meta({ description: "The year's total in kroner" }),
  key: z.enum(GRANT_KEYS).meta({ description: 'POPULATION (population share) or NEED (need-based key)' }),
  weights: z
    .record(z.string().regex(/^\d{4}$/), z.number().positive().max(1e12))
    .optional()
    .meta({
      description:
        'The key: one weight per region that exists on 1 January of the year (population or need). Left out ' +
        'with key POPULATION: the regions’ population on 1 January (Danmarks Statistik FOLK1A, the latest ' +
        'reference on or before the year, libs/domain population.ts)',
    }),
});

const grantView = namedSchema(
  'BlockGrantView',
  z.object({
    id: uuidView,
    year: z.number().int(),
    totalOre: oreView,
    key: z.enum(GRANT_KEYS),
    weightsSource: z.string().nullable().meta({
      description: 'Where the weights came from when the state gave none (the population reference)',
    }),
    createdAt: isoInstantView,
    allocations: z.array(
      z.object({
        regionCode: z.string(),
        weight: z.string(),
        amountOre: oreView,
        instalments: z
          .array(oreView)
          .meta({ description: '12 monthly instalments; they add up to amountOre' }),
        paidMonths: z.array(z.number().int()),
      }),
    ),
  }),
);
const EXAMPLE = {
  id: '4c3b2a19-0f8e-4d7c-9b6a-5f4e3d2c1b0a',
  year: 2027,
  totalOre: 120_000_000_000,
  key: 'POPULATION',
  weightsSource: null,
  createdAt: '2026-11-01T09:00:00.000Z',
  allocations: [
    {
      regionCode: '1086',
      weight: '2757',
      amountOre: 120_000_000_000,
      instalments: new Array(12).fill(10_000_000_000),
      paidMonths: [],
    },
  ],
};

/** A region sees its own share only; the state sees every share. */
const scoped = (p: Principal, g: GrantRow) => ({
  ...g,
  createdAt: g.createdAt.toISOString(),
  allocations:
    p.orgType === 'state' ? g.allocations : g.allocations.filter((a) => a.regionCode === p.orgCode),
});

@ApiTags('block-grants')
@ApiProblems(401)
@Controller('api/v1/block-grants')
export class BlockGrantController {
  constructor(
    private readonly service: BlockGrantService,
    private readonly grants: BlockGrantRepository,
  ) {}

  @Post()
  @Access({ orgTypes: ['state'], roles: ['finance'] })
  @ApiOperation({ summary: "Allocate a year's block grant to the year's regions by a key (the state)" })
  @ApiBody({
    schema: openApiSchema(grantSchema),
    examples: {
      population: { value: { year: 2027, total: '1200000000.00', key: 'POPULATION' } },
      y2027: {
        value: {
          year: 2027,
          total: '1200000000.00',
          key: 'NEED',
          weights: { '1081': 10, '1082': 23, '1083': 21, '1086': 46 },
        },
      },
    },
  })
  @ApiIdempotencyKey()
  @ApiJsonResponse(201, grantView, { example: EXAMPLE })
  @ApiProblems(400, 403, 409)
  async allocate(
    @CurrentPrincipal() p: Principal,
    @Body(new ZodValidationPipe(grantSchema)) body: GrantInput,
    @RequestId() requestId: string | undefined,
  ) {
    return scoped(p, await this.service.allocate(p, body, requestId));
  }

  @Get()
  @Access({ orgTypes: ['region', 'state'] })
  @ApiOperation({ summary: 'Block grants: a region sees its own share and instalments' })
  @ApiQueryFrom(z.strictObject({ year: year.optional() }))
  @ApiJsonResponse(200, namedSchema('BlockGrantList', z.object({ items: z.array(grantView) })), {
    example: { items: [EXAMPLE] },
  })
  @ApiProblems(400, 403)
  async list(
    @CurrentPrincipal() p: Principal,
    @Query(new ZodValidationPipe(z.strictObject({ year: year.optional() }), 'query')) q: { year?: number },
  ) {
    return { items: (await this.grants.list(q.year)).map((g) => scoped(p, g)) };
  }

  @Post(':id/instalments/:month/pay')
  @HttpCode(200)
  @Access({ orgTypes: ['state'], roles: ['finance'] })
  @ApiOperation({ summary: "Pay every region's instalment of a month (once)" })
  @ApiIdParam('The block grant')
  @ApiParam({ name: 'month', type: Number, description: '1–12' })
  @ApiEmptyBody()
  @ApiJsonResponse(200, grantView, { example: EXAMPLE })
  @ApiProblems(400, 403, 404, 409)
  async pay(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuidParam) id: string,
    @Param(
      'month',
      new ParseIntPipe({
        exceptionFactory: () =>
          ProblemException.validation([{ pointer: 'path:month', detail: 'must be 1–12' }]),
      }),
    )
    month: number,
    @EmptyBody() _b: unknown,
    @RequestId() requestId: string | undefined,
  ) {
    if (month < 1 || month > 12)
      throw ProblemException.validation([{ pointer: 'path:month', detail: 'must be 1–12' }]);
    return scoped(p, await this.service.pay(p, id, month, requestId));
  }
}
