import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Access, ANY_ORGANISATION, AuditTrail, CurrentPrincipal, type Principal } from '@platform/auth';
import {
  ApiJsonResponse,
  ApiProblems,
  isoInstantView,
  namedSchema,
  openApiSchema,
  ProblemException,
  RequestId,
  ZodValidationPipe,
} from '@platform/http';
import { UnitOfWork } from '@platform/kit';
import { z } from 'zod';
import type { Tx } from '../database/prisma.service';
import type { AdviceDeadlineRule } from '../generated/prisma/client';
import { DeadlineRuleRepository } from './deadline-rule.repository';
import { DEFAULT_RULE_KEY } from './domain/deadline';

const ruleViewSchema = namedSchema(
  'AdviceDeadlineRuleView',
  z
    .object({
      targetGroup: z.string().meta({ description: 'A target group code, or `*` for the default' }),
      workingDays: z.number().int(),
      updatedAt: isoInstantView,
    })
    .meta({ description: 'Svarfrist: working days an advisory function has to answer an advice case' }),
);
const ruleListSchema = namedSchema('AdviceDeadlineRuleList', z.object({ items: z.array(ruleViewSchema) }));
const setRuleSchema = z.strictObject({ workingDays: z.number().int().min(1).max(60) });
const TARGET_GROUP_OR_DEFAULT = /^(\*|[A-Z][A-Z0-9_]{1,63})$/;

const view = (r: AdviceDeadlineRule) => ({
  targetGroup: r.targetGroup,
  workingDays: r.workingDays,
  updatedAt: r.updatedAt.toISOString(),
});
const EXAMPLE = { targetGroup: '*', workingDays: 10, updatedAt: '2026-01-15T09:30:00.000Z' };

/** The deadline rule set (svarfrister) is data set by the state; everyone may read it. */
@ApiTags('advice cases')
@ApiProblems(401)
@Controller('api/v1/advice-deadline-rules')
export class DeadlineRuleController {
  constructor(
    private readonly rules: DeadlineRuleRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditTrail,
  ) {}

  @Get()
  @Access(ANY_ORGANISATION)
  @ApiOperation({ summary: 'The deadline rule set: working days per target group (`*`: the default)' })
  @ApiJsonResponse(200, ruleListSchema, { example: { items: [EXAMPLE] } })
  async list() {
    return { items: (await this.rules.all()).map(view) };
  }

  @Put(':targetGroup')
  @Access({ orgTypes: ['state'], roles: ['planner'] })
  @ApiOperation({
    summary: "Set a target group's deadline in working days (the state's planners); new cases use it",
  })
  @ApiParam({ name: 'targetGroup', type: String, description: 'Target group code, or `*` for the default' })
  @ApiBody({ schema: openApiSchema(setRuleSchema), examples: { ten: { value: { workingDays: 10 } } } })
  @ApiJsonResponse(200, ruleViewSchema, { example: EXAMPLE })
  @ApiProblems(400, 403)
  async set(
    @CurrentPrincipal() principal: Principal,
    @Param('targetGroup') targetGroup: string,
    @Body(new ZodValidationPipe(setRuleSchema)) body: z.infer<typeof setRuleSchema>,
    @RequestId() requestId: string | undefined,
  ) {
    if (!TARGET_GROUP_OR_DEFAULT.test(targetGroup))
      throw ProblemException.validation([
        { pointer: 'path:targetGroup', detail: `a target group code or ${DEFAULT_RULE_KEY}` },
      ]);
    const row = await this.uow.run(async (tx: Tx) => {
      const saved = await this.rules.set(tx, targetGroup, body.workingDays, principal.subject);
      await this.audit.record(tx, principal, {
        action: 'advice-deadline-rule.set',
        resource: { type: 'advice-deadline-rule', id: targetGroup },
        purpose: 'rule-set',
        outcome: 'ALLOWED',
        requestId,
      });
      return saved;
    });
    return view(row);
  }
}
