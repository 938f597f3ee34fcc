import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@platform/auth';
import { Money } from '@platform/domain';
import {
  ApiChangeHeaders,
  ApiIdempotencyKey,
  ApiIdParam,
  ApiJsonResponse,
  ApiProblems,
  ApiQueryFrom,
  namedSchema,
  openApiSchema,
  RequestId,
  uuidParam,
  uuidView,
  withEtag,
  ZodValidationPipe,
} from '@platform/http';
import { Change, type ChangeRequest } from '@platform/kit';
import type { Response } from 'express';
import { z } from 'zod';
import {
  claimSchema,
  decisionSchema,
  listClaimsQuery,
  oneOffEntrySchema,
  oneOffQuery,
  whatIfQuery,
  type ClaimBody,
  type DecisionBody,
  type OneOffEntryInput,
} from './refusion.dto';
import { CitizenReads } from '../common/citizen-reads';
import { claimResource, ClaimAccess } from './claim-access';
import { RefusionRepository, type ClaimAggregate } from './refusion.repository';
import { RefusionService } from './refusion.service';
import {
  CLAIM_EXAMPLE,
  claimEtag,
  claimListSchema,
  claimViewSchema,
  toClaimSummary,
  toClaimView,
  whatIfSchema,
} from './refusion.view';

const ENTRY_EXAMPLE = {
  id: '2f3e4d5c-6b7a-4c8d-9e0f-1a2b3c4d5e6f',
  referralId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  kind: 'INCOME',
  date: '2026-03-01',
  amountOre: 250_000,
  description: 'Brugerbetaling marts',
};
const entryListSchema = namedSchema(
  'OneOffEntryList',
  z.object({
    items: z.array(
      z.object({
        id: uuidView,
        referralId: uuidView,
        kind: z.enum(['ONE_OFF_EXPENSE', 'INCOME']),
        date: z.string().meta({ format: 'date' }),
        amountOre: z.number().int(),
        description: z.string(),
      }),
    ),
  }),
);
const MUNICIPALITY = { orgTypes: ['municipality' as const] };
const READERS = { orgTypes: ['municipality' as const, 'state' as const] };
const STATE_FINANCE = { orgTypes: ['state' as const], roles: ['finance' as const] };
const VIEW_EXAMPLE = { ...CLAIM_EXAMPLE, households: [], lines: [] };

@ApiTags('refusion')
@ApiProblems(401)
@Controller('api/v1')
export class RefusionController {
  constructor(
    private readonly service: RefusionService,
    private readonly claims: RefusionRepository,
    private readonly access: ClaimAccess,
    private readonly reads: CitizenReads,
  ) {}

  @Post('one-off-entries')
  @Access(MUNICIPALITY)
  @ApiOperation({ summary: 'Record a one-off expense or an income for a placement of the municipality' })
  @ApiBody({
    schema: openApiSchema(oneOffEntrySchema),
    examples: {
      payment: {
        value: {
          referralId: CLAIM_EXAMPLE.id,
          kind: 'INCOME',
          date: '2026-03-01',
          amount: '2500.00',
          description: 'Brugerbetaling marts',
        },
      },
    },
  })
  @ApiIdempotencyKey()
  @ApiJsonResponse(201, namedSchema('OneOffEntryCreated', z.object({ id: uuidView })), {
    example: { id: CLAIM_EXAMPLE.id },
  })
  @ApiProblems(400, 403, 404)
  async addEntry(
    @CurrentPrincipal() p: Principal,
    @Body(new ZodValidationPipe(oneOffEntrySchema)) body: OneOffEntryInput,
    @RequestId() requestId: string | undefined,
  ) {
    return { id: await this.service.addEntry(p, body, requestId) };
  }

  @Get('one-off-entries')
  @Access(MUNICIPALITY)
  @ApiOperation({ summary: "The municipality's one-off expenses and income of a year" })
  @ApiQueryFrom(oneOffQuery)
  @ApiJsonResponse(200, entryListSchema, { example: { items: [ENTRY_EXAMPLE] } })
  @ApiProblems(400, 403)
  async entries(
    @CurrentPrincipal() p: Principal,
    @Query(new ZodValidationPipe(oneOffQuery, 'query')) q: { year: number },
    @RequestId() requestId: string | undefined,
  ) {
    const items = await this.claims.entries(p.orgCode, q.year);
    // A citizen's income and expenses: each citizen listed (by the placement's pseudonym) is an audited read.
    await this.reads.ofReferrals(
      p,
      'one-off-entry.list',
      { type: 'one-off-entries', id: `${p.orgCode}-${q.year}` },
      items.map((e) => e.referralId),
      requestId,
    );
    return { items };
  }

  @Post('refusion-claims')
  @Access(MUNICIPALITY)
  @ApiOperation({
    summary: 'Claim refusion for a quarter, year to date, under the rule set in force (the municipality)',
  })
  @ApiBody({
    schema: openApiSchema(claimSchema),
    examples: { q4: { value: { year: 2026, quarter: 4, households: [] } } },
  })
  @ApiIdempotencyKey()
  @ApiJsonResponse(201, claimViewSchema, { example: VIEW_EXAMPLE, headers: ['ETag', 'Location'] })
  @ApiProblems(400, 403, 409)
  async submit(
    @CurrentPrincipal() p: Principal,
    @Body(new ZodValidationPipe(claimSchema)) body: ClaimBody,
    @RequestId() requestId: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const a = await this.service.submit(p, body, requestId);
    await this.citizensOf(p, 'refusion-claim.submit', a, requestId);
    res.setHeader('Location', `/api/v1/refusion-claims/${a.claim.id}`);
    return withEtag(res, claimEtag(a), toClaimView(a));
  }

  @Get('refusion-claims')
  @Access(READERS)
  @ApiOperation({ summary: "Claims: a municipality's own, or all for the state" })
  @ApiQueryFrom(listClaimsQuery)
  @ApiJsonResponse(200, claimListSchema, { example: { items: [CLAIM_EXAMPLE] } })
  @ApiProblems(400, 403)
  async list(
    @CurrentPrincipal() p: Principal,
    @Query(new ZodValidationPipe(listClaimsQuery, 'query')) q: { year?: number },
  ) {
    const rows = await this.claims.list({
      year: q.year,
      municipalityCode: p.orgType === 'state' ? undefined : p.orgCode,
    });
    return { items: rows.map(toClaimSummary) };
  }

  @Get('refusion-claims/:id')
  @Access(READERS)
  @ApiOperation({ summary: 'One claim with its lines (its municipality and the state; others get 404)' })
  @ApiIdParam('The claim')
  @ApiJsonResponse(200, claimViewSchema, { example: VIEW_EXAMPLE, headers: ['ETag'] })
  @ApiProblems(400, 403, 404)
  async get(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuidParam) id: string,
    @RequestId() requestId: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const action = 'refusion-claim.read';
    const a = await this.access.find(p, id, action, requestId);
    const shown = a.lines.flatMap((l) => l.citizenPseudonyms);
    await this.reads.shown(p, action, claimResource(id), shown, requestId);
    return withEtag(res, claimEtag(a), toClaimView(a));
  }

  @Get('refusion-claims/:id/what-if')
  @Access(READERS)
  @ApiOperation({
    summary: "The claim's cases under its rule set and another, side by side, per citizen and in total",
  })
  @ApiIdParam('The claim')
  @ApiQueryFrom(whatIfQuery)
  @ApiJsonResponse(200, whatIfSchema)
  @ApiProblems(400, 403, 404)
  async whatIf(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuidParam) id: string,
    @Query(new ZodValidationPipe(whatIfQuery, 'query')) q: { ruleSetId: string },
    @RequestId() requestId: string | undefined,
  ) {
    const action = 'refusion-claim.what-if';
    const found = await this.access.find(p, id, action, requestId);
    const { own, other, comparison } = await this.service.whatIf(found.claim, q.ruleSetId);
    // The comparison is computed from today's facts: the citizens it shows are its own lines', not the stored ones.
    const shown = comparison.lines.flatMap((l) => l.a.citizenPseudonyms);
    await this.reads.shown(p, action, claimResource(id), shown, requestId);
    const part = (l: { refusionOre: number; eligible: boolean; reasons: unknown[] }) => ({
      refusionOre: l.refusionOre,
      eligible: l.eligible,
      reasons: l.reasons,
    });
    const difference = comparison.totalB - comparison.totalA;
    return {
      claimId: id,
      ruleSets: {
        a: { id: own.id, name: own.name, adviceCondition: own.adviceCondition },
        b: { id: other.id, name: other.name, adviceCondition: other.adviceCondition },
      },
      lines: comparison.lines.map((l) => ({
        referralIds: l.referralIds,
        citizenPseudonyms: l.a.citizenPseudonyms,
        a: part(l.a),
        b: part(l.b),
        differenceOre: l.differenceOre,
      })),
      totalA: comparison.totalA,
      totalB: comparison.totalB,
      differenceOre: difference,
      kroner: {
        a: Money.ofOre(comparison.totalA).format(),
        b: Money.ofOre(comparison.totalB).format(),
        difference: Money.ofOre(difference).format(),
      },
    };
  }

  @Post('refusion-claims/:id/decision')
  @HttpCode(200)
  @Access(STATE_FINANCE)
  @ApiOperation({
    summary: 'Decide every line of a claim: approve, or reject with a reason (the state’s finance staff)',
  })
  @ApiChangeHeaders({ id: 'The claim', resource: 'claim' })
  @ApiBody({
    schema: openApiSchema(decisionSchema),
    examples: {
      decision: { value: { lines: [{ lineNo: 1, approved: false, reason: 'Afviger fra rådgivningen' }] } },
    },
  })
  @ApiJsonResponse(200, claimViewSchema, {
    example: { ...VIEW_EXAMPLE, status: 'DECIDED' },
    headers: ['ETag'],
  })
  @ApiProblems(400, 403, 404, 409, 412, 428)
  async decide(
    @Change() change: ChangeRequest,
    @Body(new ZodValidationPipe(decisionSchema)) body: DecisionBody,
    @Res({ passthrough: true }) res: Response,
  ) {
    const a = await this.service.decide(change, body);
    await this.citizensOf(change.principal, 'refusion-claim.decide', a, change.requestId);
    return withEtag(res, claimEtag(a), toClaimView(a));
  }

  /**
   * A claim written and answered with its lines names its citizens: each one's row in the audit trail, beside the
   * write's own (one per claim), as a read of the claim has.
   */
  private citizensOf(p: Principal, action: string, a: ClaimAggregate, requestId: string | undefined) {
    const shown = a.lines.flatMap((l) => l.citizenPseudonyms);
    return this.reads.shown(p, action, claimResource(a.claim.id), shown, requestId);
  }
}
